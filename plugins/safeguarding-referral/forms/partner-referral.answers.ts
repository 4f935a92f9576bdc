// Generated from partner-referral.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record the referral to a partner agency" (partner-referral, version 1). */
export type PartnerReferralAnswers = {
  /** Which agencies has the person been referred to? */
  agencies: ('childrens-services' | 'adult-social-care' | 'police' | 'nrm' | 'support-organisation')[];
  /** Referral reference (optional) */
  reference?: string;
  /** Who took responsibility for the person's safety? */
  handover: string;
};
