// Generated from declaration-review.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record line manager review" (declaration-review, version 1). */
export type DeclarationReviewAnswers = {
  /** What is your decision? */
  decision: 'no-concern' | 'conditions' | 'refer-to-security';
  /** What are the conditions? */
  conditions?: string;
  /** Notes */
  notes?: string;
};
