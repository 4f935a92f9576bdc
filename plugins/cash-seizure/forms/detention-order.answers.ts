// Generated from detention-order.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record the court order for continued detention" (detention-order, version 1). */
export type DetentionOrderAnswers = {
  /** Magistrates' court */
  court: string;
  /** Date of the order */
  orderDate: string;
  /** Cash may be detained until */
  detainedUntil: string;
};
