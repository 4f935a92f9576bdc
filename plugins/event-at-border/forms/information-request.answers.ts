// Generated from information-request.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Ask the port for more information" (information-request, version 1). */
export type InformationRequestAnswers = {
  /** What information do you need? */
  questions: string;
};
