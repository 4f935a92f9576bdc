// Generated from cancellation.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Cancel the interpreter request" (cancellation, version 1). */
export type CancellationAnswers = {
  /** Why are you cancelling? */
  reason: 'no-longer-needed' | 'no-interpreter-available' | 'person-speaks-english' | 'other';
  /** Give the reason */
  otherReason?: string;
};
