import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

const HOUR = 3600_000;

/** The date-time answer for `hours` before `now`. */
const hoursBefore = (now: Date, hours: number): string => answerDateTime(new Date(now.getTime() - hours * HOUR));

/** The date answer (UK date) `days` after `hours` before `now`. */
const dateAfter = (now: Date, hours: number, days: number): string =>
  answerDateTime(new Date(now.getTime() - hours * HOUR + days * 24 * HOUR)).slice(0, 10);

type Sample = (now: Date) => Record<string, unknown>;

// The passengers, documents and officers are made up.
const SAMPLES: Sample[] = [
  // Heathrow: visitor with evidence of arranged work, refused and to be removed on the next flight.
  (now) => ({
    givenName: 'Thiago',
    familyName: 'Ferreira Lima',
    dateOfBirth: '1997-08-19',
    nationality: 'BRA',
    sex: 'male',
    documentType: 'passport',
    documentNumber: 'GK482193',
    issuingCountry: 'BRA',
    documentConcern: false,
    port: 'heathrow',
    transportMode: 'air-passenger',
    flightNumber: 'BA0248',
    arrivedAt: hoursBefore(now, 31),
    team: 'heathrow-t5-arrivals-red-team',
    riskFactors: ['purpose-not-credible', 'intends-to-work', 'insufficient-funds'],
    examinationSummary:
      'Said he was visiting London as a tourist for three months. Had £140 and no onward accommodation booked. His phone held messages with a contact in London arranging a start date on a building site and a room to share with other workers. His baggage held work boots and a hi-vis jacket. Interviewed with a Portuguese interpreter; he accepted he had come to work.',
    powerUsed: 'examination',
    is81ServedAt: hoursBefore(now, 30.5),
    interpreterUsed: true,
    interpreterLanguage: 'por',
    outcome: 'refused-removal',
    decisionAt: hoursBefore(now, 26),
    refusalReasons:
      'You have sought leave to enter as a visitor. You told me you have arranged work on a building site in London, and your phone and baggage support this. I am not satisfied that you are a genuine visitor who will not work in the UK. Removal directions set for the return flight to São Paulo this evening.',
    authorisingOfficer: 'HO Rachel Ambrose',
  }),
  // Gatwick: genuine Dutch passport used by an impostor, refused and held pending removal.
  (now) => ({
    givenName: 'Arben',
    familyName: 'Krasniqi',
    dateOfBirth: '1994-03-07',
    nationality: 'ALB',
    sex: 'male',
    documentType: 'passport',
    documentNumber: 'NRK73PX41',
    issuingCountry: 'NLD',
    documentConcern: true,
    documentIssue: 'impostor-document',
    port: 'gatwick',
    transportMode: 'air-passenger',
    flightNumber: 'U28412',
    arrivedAt: hoursBefore(now, 80),
    team: 'gatwick-north-terminal-team',
    riskFactors: ['document-concern', 'deception'],
    examinationSummary:
      'Presented a Dutch passport at the eGates, which rejected it; referred to the desk. Facial comparison did not match the passport photo (ear shape and a scar on the left eyebrow). He could not answer simple questions in Dutch. With an Albanian interpreter he gave his true name and said he had bought the passport in Brussels for €3,000. Passport retained as evidence.',
    powerUsed: 'detention-pending-examination',
    is81ServedAt: hoursBefore(now, 79),
    interpreterUsed: true,
    interpreterLanguage: 'sqi',
    outcome: 'refused-detained',
    decisionAt: hoursBefore(now, 74),
    refusalReasons:
      'You sought leave to enter using a passport that belongs to another person. You have used deception to seek leave to enter and you do not hold a valid travel document of your own. Detained pending removal to Albania.',
    authorisingOfficer: 'HO Gareth Pryce',
  }),
  // Dover Marina: yacht crew member with a previous overstay, on immigration bail while his story is checked.
  (now) => ({
    givenName: 'Giorgi',
    familyName: 'Beridze',
    dateOfBirth: '1983-12-01',
    nationality: 'GEO',
    sex: 'male',
    documentType: 'passport',
    documentNumber: '17AB52964',
    issuingCountry: 'GEO',
    documentConcern: false,
    port: 'dover',
    transportMode: 'general-maritime',
    vesselName: 'Sea Wren',
    arrivedAt: hoursBefore(now, 150),
    team: 'dover-tourist-controls-team-1',
    riskFactors: ['previous-breach', 'purpose-not-credible'],
    examinationSummary:
      'Crew member on the yacht Sea Wren, arriving at Dover Marina from Boulogne. Holds a six-month visit visa. Home Office records show he overstayed a visit visa by ten months in 2019. Says he is crewing for the owner as a favour and will fly home from Gatwick in two weeks, but has no return ticket. The owner confirmed he is crew but could not say for how long. His employer in Tbilisi could not be contacted out of hours.',
    powerUsed: 'examination',
    is81ServedAt: hoursBefore(now, 149.5),
    interpreterUsed: true,
    interpreterLanguage: 'kat',
    outcome: 'immigration-bail',
    decisionAt: hoursBefore(now, 146),
    bailReportingDate: dateAfter(now, 146, 7),
  }),
  // Gatwick: long-stay visitor on a one-way ticket, funds and plans confirmed, granted leave to enter.
  (now) => ({
    givenName: 'Chloe',
    familyName: 'Pendergast',
    dateOfBirth: '2001-05-26',
    nationality: 'AUS',
    sex: 'female',
    documentType: 'passport',
    documentNumber: 'PA6203871',
    issuingCountry: 'AUS',
    documentConcern: false,
    port: 'gatwick',
    transportMode: 'air-passenger',
    flightNumber: 'EK0011',
    arrivedAt: hoursBefore(now, 220),
    team: 'gatwick-south-terminal-team',
    riskFactors: ['intends-to-work', 'insufficient-funds'],
    examinationSummary:
      'Arrived on a one-way ticket and said she planned to stay five months. A printed CV was in her hand luggage. She explained she is applying for jobs back in Australia, not here. Showed a return flight from Heathrow booked for five months’ time and bank statements with enough savings for the stay. Her aunt in Bath confirmed by phone that she would stay with her for part of the visit.',
    powerUsed: 'examination',
    is81ServedAt: hoursBefore(now, 219.5),
    interpreterUsed: false,
    outcome: 'leave-granted',
    decisionAt: hoursBefore(now, 218),
  }),
];

/** Further examinations for the demo: two refusals, one on immigration bail and one granted leave. */
export const demoExaminations: DemoCases = {
  username: 'officer2',
  count: SAMPLES.length,
  answers: (i, now) => SAMPLES[i % SAMPLES.length]!(now),
};
