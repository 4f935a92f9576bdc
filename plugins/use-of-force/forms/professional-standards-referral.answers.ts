// Generated from professional-standards-referral.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Refer to Professional Standards" (professional-standards-referral, version 1). */
export type ProfessionalStandardsReferralAnswers = {
  /** Why are you referring this use of force? */
  reason: string;
  /** Professional Standards Unit reference */
  psuReference?: string;
};
