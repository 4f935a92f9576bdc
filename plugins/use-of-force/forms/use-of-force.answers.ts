// Generated from use-of-force.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record a use of force" (use-of-force, version 1). */
export type UseOfForceAnswers = {
  /** Date and time force was used (term event.dateTime) */
  occurredAt: string;
  /** Port (term location.port, reference set ports) */
  port: string;
  /** Where at the port? */
  locationDetails: string;
  /** Team (term staff.team, reference set teams) */
  team: string;
  /** Given name (term person.givenName) */
  givenName?: string;
  /** Family name (term person.familyName) */
  familyName?: string;
  /** Date of birth (term person.dateOfBirth) */
  dateOfBirth?: string;
  /** How did the person behave? */
  subjectBehaviour: (
    'compliant' | 'verbal-non-compliance' | 'passive-resistance' | 'active-resistance' | 'aggressive' | 'risk-to-self'
  )[];
  /** Why was force used? */
  reasons: (
    | 'protect-self'
    | 'protect-others'
    | 'prevent-harm-to-subject'
    | 'prevent-escape'
    | 'effect-arrest'
    | 'detain-for-search'
    | 'secure-evidence'
  )[];
  /** Restraint techniques used (reference set restraint-techniques) */
  techniques: string[];
  /** Describe the other technique */
  otherTechnique?: string;
  /** Personal safety methods used */
  personalSafety?: (
    'tactical-communication' | 'positioning-and-distance' | 'dynamic-risk-assessment' | 'team-tactics'
  )[];
  /** How long was force used for? */
  durationMinutes?: number;
  /** Was the person injured? */
  subjectInjured: boolean;
  /** Describe the person's injuries */
  subjectInjuries?: string;
  /** Was any officer injured? */
  officerInjured: boolean;
  /** Describe the officer's injuries */
  officerInjuries?: string;
  /** What medical assistance was given? */
  medicalAssistance: 'none' | 'offered-declined' | 'first-aid' | 'paramedic' | 'hospital';
  /** Why was the force necessary, proportionate and reasonable? */
  account: string;
  /** Was body-worn video recorded? */
  bodyWornVideo: boolean;
};
