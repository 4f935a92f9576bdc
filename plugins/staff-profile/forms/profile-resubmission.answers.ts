// Generated from profile-resubmission.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Confirm your corrections" (profile-resubmission, version 1). */
export type ProfileResubmissionAnswers = {
  /** What have you corrected? */
  changes: string;
};
