// Generated from correct-outcome.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Correct the target outcome" (correct-outcome, version 1). */
export type CorrectOutcomeAnswers = {
  /** Corrected outcome (term event.outcome, reference set outcomes) */
  outcome: string;
  /** What was wrong? */
  explanation: string;
};
