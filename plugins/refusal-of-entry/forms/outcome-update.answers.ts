// Generated from outcome-update.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record the outcome" (outcome-update, version 1). */
export type OutcomeUpdateAnswers = {
  /** Why has the outcome changed? */
  reason: string;
};
