// Generated from refusal-authorisation.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Authorise refusal of entry" (refusal-authorisation, version 1). */
export type RefusalAuthorisationAnswers = {
  /** Your grade (term staff.grade, reference set grades) */
  grade: string;
  /** Have you reviewed whether continued detention is necessary and proportionate? */
  detentionReviewed: boolean;
  /** Notes (optional) */
  notes?: string;
};
