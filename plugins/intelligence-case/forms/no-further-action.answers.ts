// Generated from no-further-action.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record no further action" (no-further-action, version 1). */
export type NoFurtherActionAnswers = {
  /** Why is no further action justified? */
  justification: string;
  /** Authorising officer's full name */
  authorisingOfficer: string;
  /** Authorising officer's grade (term staff.grade, reference set grades) */
  authorisingGrade: string;
};
