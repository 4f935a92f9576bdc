// Generated from request-information.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Ask for more information" (request-information, version 1). */
export type RequestInformationAnswers = {
  /** What do you need to know? */
  questions: string;
};
