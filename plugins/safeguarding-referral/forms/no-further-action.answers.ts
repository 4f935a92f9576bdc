// Generated from no-further-action.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Close with no further action" (no-further-action, version 1). */
export type NoFurtherActionAnswers = {
  /** Why is no further action needed? */
  reason: string;
};
