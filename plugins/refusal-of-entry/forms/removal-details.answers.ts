// Generated from removal-details.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record the removal" (removal-details, version 1). */
export type RemovalDetailsAnswers = {
  /** Date and time of removal (term event.dateTime) */
  removedAt: string;
  /** Flight, sailing or train */
  removalService: string;
  /** Was the passenger escorted? */
  escorted: boolean;
};
