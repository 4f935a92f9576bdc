// Generated from safeguarding-referral.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Make a safeguarding or modern slavery referral" (safeguarding-referral, version 1). */
export type SafeguardingReferralAnswers = {
  /** Date and time you met the person (term event.dateTime) */
  encounteredAt: string;
  /** Port (term location.port, reference set ports) */
  port: string;
  /** Team (term staff.team, reference set teams) */
  team: string;
  /** How did you come across the person? (reference set event-types) */
  eventType: string;
  /** What is your main concern? */
  category:
    | 'modern-slavery'
    | 'unaccompanied-child'
    | 'child-at-risk'
    | 'forced-marriage'
    | 'female-genital-mutilation'
    | 'domestic-abuse'
    | 'adult-at-risk';
  /** What did you notice? */
  indicators: (
    | 'documents-held-by-others'
    | 'travel-arranged-by-others'
    | 'owes-debt'
    | 'account-appears-rehearsed'
    | 'not-allowed-to-speak'
    | 'appears-fearful'
    | 'unaware-of-destination'
    | 'signs-of-neglect-or-injury'
    | 'age-in-doubt'
    | 'other'
  )[];
  /** What else did you notice? */
  otherIndicator?: string;
  /** Is the person under 18? */
  personAge: 'child' | 'age-in-doubt' | 'adult';
  /** Given name (term person.givenName) */
  givenName?: string;
  /** Family name (term person.familyName) */
  familyName?: string;
  /** Date of birth (term person.dateOfBirth) */
  dateOfBirth?: string;
  /** Nationality (term person.nationality, reference set countries) */
  nationality: string;
  /** Sex (term person.sex, reference set sex) */
  sex?: string;
  /** Does the person need an interpreter? */
  needsInterpreter: boolean;
  /** Language (reference set languages) */
  language?: string;
  /** Was the person travelling with anyone? */
  accompanied: boolean;
  /** People travelling with them */
  companions?: SafeguardingReferralCompanionsItem[];
  /** What action have you taken? */
  actionsTaken: (
    | 'childrens-services'
    | 'police'
    | 'nrm-referral'
    | 'duty-to-notify'
    | 'safe-place'
    | 'medical-help'
    | 'support-organisation'
    | 'safeguarding-lead'
  )[];
  /** Which local authority? */
  localAuthority?: string;
  /** Police reference (optional) */
  policeReference?: string;
  /** What happened? */
  summary: string;
};

/** One item of "People travelling with them" (companions). */
export type SafeguardingReferralCompanionsItem = {
  /** Given name (term person.givenName) */
  givenName?: string;
  /** Family name (term person.familyName) */
  familyName?: string;
  /** Relationship to the person */
  relation:
    'parent' | 'other-family' | 'legal-guardian' | 'partner' | 'employer' | 'travel-organiser' | 'friend' | 'not-known';
  /** Has the relationship been verified? */
  relationVerified: boolean;
};
