// Generated from intelligence-case.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Open an intelligence case" (intelligence-case, version 1). */
export type IntelligenceCaseAnswers = {
  /** Intelligence referral reference */
  referralReference?: string;
  /** Primacy team (term staff.team, reference set teams) */
  primacyTeam: string;
  /** Handling condition (reference set handling-conditions) */
  handlingCondition: string;
  /** Case summary */
  summary: string;
  /** Review date */
  reviewDate: string;
};
