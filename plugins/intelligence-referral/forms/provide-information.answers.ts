// Generated from provide-information.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Send more information" (provide-information, version 1). */
export type ProvideInformationAnswers = {
  /** More information */
  information: string;
};
