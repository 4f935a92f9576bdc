// Generated from repair-confirmation.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Confirm equipment repaired" (repair-confirmation, version 1). */
export type RepairConfirmationAnswers = {
  /** What happened to the faulty equipment? */
  result: 'repaired' | 'replaced' | 'withdrawn';
  /** Date back in use */
  backInUse?: string;
};
