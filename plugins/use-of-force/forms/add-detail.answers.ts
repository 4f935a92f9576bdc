// Generated from add-detail.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Add more detail" (add-detail, version 1). */
export type AddDetailAnswers = {
  /** More detail */
  detail: string;
};
