// Generated from profile-corrections.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Ask for corrections" (profile-corrections, version 1). */
export type ProfileCorrectionsAnswers = {
  /** What needs correcting? */
  corrections: string;
};
