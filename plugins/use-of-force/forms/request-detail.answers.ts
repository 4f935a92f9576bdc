// Generated from request-detail.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Ask for more detail" (request-detail, version 1). */
export type RequestDetailAnswers = {
  /** What more do you need to know? */
  questions: string;
};
