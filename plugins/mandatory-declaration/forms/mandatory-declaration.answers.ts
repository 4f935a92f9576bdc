// Generated from mandatory-declaration.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Make a mandatory declaration" (mandatory-declaration, version 1). */
export type MandatoryDeclarationAnswers = {
  /** Why are you making this declaration? */
  declarationType: 'annual' | 'change-in-circumstances' | 'new-starter';
  /** Your grade (term staff.grade, reference set grades) */
  grade: string;
  /** Your team (term staff.team, reference set teams) */
  team: string;
  /** Your line manager's full name */
  lineManager: string;
  /** Your line manager's email address */
  lineManagerEmail: string;
  /** Has anything changed that could affect your security clearance? */
  securityClearance: boolean;
  /** Give details */
  securityClearanceDetails?: string;
  /** Are you sponsoring, or have you offered to sponsor, a visa applicant or migrant? */
  sponsorship: boolean;
  /** Give details */
  sponsorshipDetails?: string;
  /** Do you have any other employment or paid activity? */
  otherEmployment: boolean;
  /** Give details */
  otherEmploymentDetails?: string;
  /** Have you been arrested, charged, cautioned or convicted of any offence? */
  criminality: boolean;
  /** Give details */
  criminalityDetails?: string;
  /** Are you in serious financial difficulty? */
  personalFinance: boolean;
  /** Give details */
  personalFinanceDetails?: string;
  /** Do you have any business interests or shareholdings? */
  businessInterests: boolean;
  /** Give details */
  businessInterestsDetails?: string;
  /** Confirmation */
  confirmation: 'confirmed'[];
};
