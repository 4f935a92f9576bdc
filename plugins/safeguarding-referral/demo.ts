import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

/** The date-time answer for `hours` before `now`. */
const hoursBefore = (now: Date, hours: number): string => answerDateTime(new Date(now.getTime() - hours * 3600_000));

type Sample = (now: Date) => Record<string, unknown>;

// The people and police references are made up.
const SAMPLES: Sample[] = [
  // Dover: a boy whose age is in doubt found in the boot of a car, an urgent referral to children's services.
  (now) => ({
    encounteredAt: hoursBefore(now, 9),
    port: 'dover',
    team: 'dover-tourist-controls-team-1',
    eventType: 'clandestine-detection',
    category: 'unaccompanied-child',
    indicators: ['age-in-doubt', 'unaware-of-destination', 'signs-of-neglect-or-injury', 'appears-fearful'],
    personAge: 'age-in-doubt',
    givenName: 'Yonas',
    nationality: 'ERI',
    sex: 'male',
    needsInterpreter: true,
    language: 'tir',
    accompanied: true,
    companions: [{ givenName: 'Darren', familyName: 'Colley', relation: 'not-known', relationVerified: false }],
    actionsTaken: ['safe-place', 'childrens-services', 'police', 'medical-help'],
    localAuthority: 'Kent County Council',
    policeReference: 'KENT-CAD-4471',
    summary:
      'Inbound car selected at the tourist controls. A boy was found lying in the boot under bags. Through a Tigrinya interpreter on the phone he said he was 16 and had been walking for months; he did not know where he was being taken. He had cuts to both hands and had not eaten since the day before. The driver said he had agreed in Calais to give a "friend of a friend" a lift and was arrested by Kent Police for facilitation. The boy was taken to the welfare room, seen by the port paramedic and collected by Kent children’s services.',
  }),
  // Heathrow: domestic worker whose employer holds her passport, consents to an NRM referral.
  (now) => ({
    encounteredAt: hoursBefore(now, 54),
    port: 'heathrow',
    team: 'heathrow-t4-arrivals-team',
    eventType: 'safeguarding-concern',
    category: 'modern-slavery',
    indicators: ['documents-held-by-others', 'travel-arranged-by-others', 'owes-debt', 'not-allowed-to-speak'],
    personAge: 'adult',
    givenName: 'Sri',
    familyName: 'Wahyuni',
    dateOfBirth: '1996-04-12',
    nationality: 'IDN',
    sex: 'female',
    needsInterpreter: true,
    language: 'ind',
    accompanied: true,
    companions: [{ familyName: 'Marwan', relation: 'employer', relationVerified: false }],
    actionsTaken: ['safe-place', 'nrm-referral', 'police', 'support-organisation'],
    summary:
      'Arrived with a family as their domestic worker. The woman of the family handed over both passports and answered every question put to her. Spoken to alone with an interpreter, she said she works from 6am to midnight, has not been paid for four months and still owes the agency that found her the job. She did not know the address where she would be living. She agreed to an NRM referral and was put in touch with a support organisation. The family were allowed to continue; the police have been told.',
  }),
  // Gatwick: young woman travelling out with her parents, fears a forced marriage.
  (now) => ({
    encounteredAt: hoursBefore(now, 130),
    port: 'gatwick',
    team: 'gatwick-south-terminal-team',
    eventType: 'safeguarding-concern',
    category: 'forced-marriage',
    indicators: ['appears-fearful', 'travel-arranged-by-others', 'documents-held-by-others'],
    personAge: 'adult',
    givenName: 'Amira',
    familyName: 'Hussein',
    dateOfBirth: '2006-10-03',
    nationality: 'GBR',
    sex: 'female',
    needsInterpreter: false,
    accompanied: true,
    companions: [
      { familyName: 'Hussein', relation: 'parent', relationVerified: true },
      { familyName: 'Hussein', relation: 'parent', relationVerified: true },
    ],
    actionsTaken: ['safe-place', 'police', 'safeguarding-lead', 'support-organisation'],
    policeReference: 'SXP-G-20913',
    summary:
      'Departure check at the gate. Her father held her passport and her one-way ticket. When spoken to alone she became tearful and said she had been told she was going to a family wedding, but had since heard that the wedding was her own and she did not want to marry. She chose not to travel. Sussex Police attended and the Forced Marriage Unit was contacted. She is staying with a friend tonight.',
  }),
];

/** Safeguarding referrals for the demo: one child (urgent) and two adults for review. */
export const demoReferrals: DemoCases = {
  username: 'officer',
  count: SAMPLES.length,
  answers: (i, now) => SAMPLES[i % SAMPLES.length]!(now),
};
