import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

/** The date-time answer for `hours` before `now`. */
const hoursBefore = (now: Date, hours: number): string => answerDateTime(new Date(now.getTime() - hours * 3600_000));

type Sample = (now: Date) => Record<string, unknown>;

// The people, documents and bag numbers are made up.
const SAMPLES: Sample[] = [
  // Outbound car at Dover: undeclared euros in the spare wheel well, seized and sent to the cash team.
  (now) => ({
    detectedAt: hoursBefore(now, 27),
    port: 'dover',
    team: 'dover-tourist-controls-team-1',
    transportMode: 'roro-tourist',
    detectionMethod: 'detector-dog',
    concealmentMethod: 'vehicle-natural-void',
    givenName: 'Jeroen',
    familyName: 'Bakker',
    dateOfBirth: '1986-09-14',
    nationality: 'NLD',
    documentType: 'passport',
    documentNumber: 'NW8K4P2R1',
    amounts: [
      { currency: 'cash-euro', amount: 28500, sterlingValue: 24367.5 },
      { currency: 'cash-sterling', amount: 4000, sterlingValue: 4000 },
    ],
    reasons: ['not-declared', 'concealed', 'packaging', 'drug-trace'],
    reasonDetails:
      'Cash dog gave a positive indication on the rear of the car at the outbound controls, Eastern Docks. Driver said he had no cash over £10,000 to declare. Found five vacuum-sealed bundles of €50 notes and sterling under the spare wheel. Ion scan of the bundles was positive for cocaine. He said the money was from selling a car in Kent but had no paperwork and could not name the buyer.',
    detentionDecision: 'detained',
    sealedBagNumbers: 'BF4410237, BF4410238',
    noticeServed: true,
  }),
  // Arriving air passenger at Heathrow: sterling and dollars in a cabin bag, account does not add up.
  (now) => ({
    detectedAt: hoursBefore(now, 76),
    port: 'heathrow',
    team: 'heathrow-t5-arrivals-red-team',
    transportMode: 'air-passenger',
    detectionMethod: 'x-ray-baggage',
    concealmentMethod: 'baggage-open',
    givenName: 'Marcus',
    familyName: 'Thornley',
    dateOfBirth: '1991-02-03',
    nationality: 'GBR',
    documentType: 'passport',
    documentNumber: '538201946',
    amounts: [
      { currency: 'cash-sterling', amount: 6200, sterlingValue: 6200 },
      { currency: 'cash-us-dollar', amount: 1500, sterlingValue: 1185.3 },
    ],
    reasons: ['account-inconsistent', 'no-evidence-of-origin'],
    reasonDetails:
      'X-ray of his cabin bag showed bundles of notes wrapped in a carrier bag. First said he had won the money in a casino in Dubai, then that it was wages from cash-in-hand building work. Could not give the name of the casino or of any employer, and had no receipts or bank records.',
    detentionDecision: 'detained',
    sealedBagNumbers: 'BF4410511',
    noticeServed: true,
  }),
  // Coach passenger at Dover: sterling in a jacket, account confirmed, so the cash was returned.
  (now) => ({
    detectedAt: hoursBefore(now, 129),
    port: 'dover',
    team: 'dover-tourist-controls-team-1',
    transportMode: 'roro-tourist',
    detectionMethod: 'detector-dog',
    concealmentMethod: 'in-clothing',
    givenName: 'Katarzyna',
    familyName: 'Nowicka',
    dateOfBirth: '1979-11-22',
    nationality: 'POL',
    documentType: 'national-identity-card',
    documentNumber: 'CBK482916',
    amounts: [{ currency: 'cash-sterling', amount: 2300, sterlingValue: 2300 }],
    reasons: ['account-inconsistent'],
    reasonDetails:
      'Cash dog indicated on her jacket during a check of an outbound coach to Poland. £2,300 in £20 notes in an inside pocket. She first said it was about £1,000, then that it was savings for her brother’s wedding in Kraków.',
    detentionDecision: 'returned',
    returnReason:
      'She showed bank withdrawal slips for the full amount from the last two weeks and the wedding booking on her phone. No drug trace on the notes. No grounds to seize.',
  }),
  // Arriving air passenger at Gatwick: sterling and Turkish lira, explained and returned.
  (now) => ({
    detectedAt: hoursBefore(now, 198),
    port: 'gatwick',
    team: 'gatwick-north-terminal-team',
    transportMode: 'air-passenger',
    detectionMethod: 'physical-search',
    concealmentMethod: 'baggage-open',
    givenName: 'Emre',
    familyName: 'Yalcinkaya',
    dateOfBirth: '1968-06-09',
    nationality: 'TUR',
    documentType: 'passport',
    documentNumber: 'U24719385',
    amounts: [
      { currency: 'cash-sterling', amount: 1500, sterlingValue: 1500 },
      { currency: 'cash-other-currency', otherCurrency: 'Turkish lira', amount: 40000, sterlingValue: 780 },
    ],
    reasons: ['account-inconsistent'],
    reasonDetails:
      'Selected in the green channel. Cash found in an envelope in his suitcase. He was vague about how much he had and said some of it belonged to his sister.',
    detentionDecision: 'returned',
    returnReason:
      'His sister met him in arrivals and confirmed she had asked him to bring the lira back for her. The sterling matched a cash withdrawal receipt from his UK bank. Account consistent; cash returned.',
  }),
];

/** Cash detections for the demo: two seizures for the cash team, two returns for manager review. */
export const demoCashSeizures: DemoCases = {
  username: 'officer',
  count: SAMPLES.length,
  answers: (i, now) => SAMPLES[i % SAMPLES.length]!(now),
};
