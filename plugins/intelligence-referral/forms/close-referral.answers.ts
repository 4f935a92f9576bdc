// Generated from close-referral.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Close with no further action" (close-referral, version 1). */
export type CloseReferralAnswers = {
  /** Why is no further action needed? */
  reason: 'already-known' | 'not-credible' | 'not-border-related' | 'insufficient-detail';
  /** Details */
  details?: string;
};
