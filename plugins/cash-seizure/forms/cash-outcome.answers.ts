// Generated from cash-outcome.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record the outcome for the cash" (cash-outcome, version 1). */
export type CashOutcomeAnswers = {
  /** What happened to the cash? */
  outcome: 'forfeited-by-court' | 'administrative-forfeiture' | 'returned' | 'passed-to-police';
  /** Amount forfeited */
  amountForfeited?: number;
  /** Notes (optional) */
  notes?: string;
};
