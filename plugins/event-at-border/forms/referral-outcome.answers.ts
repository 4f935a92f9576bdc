// Generated from referral-outcome.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record referral outcome" (referral-outcome, version 1). */
export type ReferralOutcomeAnswers = {
  /** What happened to the referral? */
  referralOutcome:
    'intelligence-case-opened' | 'adopted-by-partner' | 'cash-detained' | 'intelligence-recorded' | 'no-further-action';
  /** Which agency adopted it? */
  partnerAgency?: string;
  /** Notes */
  notes?: string;
};
