import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The date-time answer `minutes` from now, on a whole quarter of an hour (always still in the future). */
const fromNow = (now: Date, minutes: number) =>
  answerDateTime(new Date(Math.ceil((now.getTime() + minutes * MINUTE) / (15 * MINUTE)) * 15 * MINUTE));

/** 10:00 UK time on the day `days` ahead (a routine booking made in advance). */
const morningIn = (now: Date, days: number) =>
  `${answerDateTime(new Date(now.getTime() + days * 24 * HOUR)).slice(0, 10)}T10:00`;

interface Sample {
  username: string;
  answers(now: Date): Record<string, unknown>;
}

const SAMPLES: Sample[] = [
  // Dover tourist controls: a passenger is waiting in the search hall.
  {
    username: 'officer',
    answers: (now) => ({
      language: 'sqi',
      interpreterSex: 'no-preference',
      port: 'dover',
      neededAt: fromNow(now, 30),
      urgency: 'urgent',
      purpose: 'further-examination',
      attendance: 'telephone',
      expectedMinutes: 45,
      requesterName: 'Olivia Officer',
      requesterPhone: '01632 960 214',
      team: 'dover-tourist-controls-team-1',
      notes:
        'Call the tourist controls search hall on the number given. The passenger has been told an interpreter is being arranged.',
    }),
  },
  // Dover: safeguarding conversation with a young woman travelling with an older man.
  {
    username: 'manager',
    answers: (now) => ({
      language: 'ckb',
      dialect: 'Sulaimani',
      interpreterSex: 'female',
      port: 'dover',
      neededAt: fromNow(now, 3 * 60),
      urgency: 'same-day',
      purpose: 'safeguarding',
      attendance: 'in-person',
      expectedMinutes: 90,
      requesterName: 'Morgan Manager',
      requesterPhone: '01632 960 387',
      team: 'dover-tourist-controls-team-1',
      notes:
        'Report to the Border Force office at Eastern Docks tourist controls and ask for the duty Higher Officer. Free parking in the staff car park; bring photo ID.',
    }),
  },
  // Felixstowe: customs interview of a haulier's driver, booked in advance.
  {
    username: 'freight',
    answers: (now) => ({
      language: 'bul',
      interpreterSex: 'no-preference',
      port: 'felixstowe',
      neededAt: morningIn(now, 2),
      urgency: 'routine',
      purpose: 'customs-interview',
      attendance: 'video',
      expectedMinutes: 120,
      requesterName: 'Fatima Freight',
      requesterPhone: '07700 900 462',
      team: 'felixstowe-freight-team-a',
      notes: 'We will send the video call link the day before. Allow time for the statement to be read back.',
    }),
  },
  // Heathrow: debrief of a passenger after a seizure, arranged by the intelligence hub.
  {
    username: 'intel',
    answers: (now) => ({
      language: 'vie',
      dialect: 'Northern (Hanoi)',
      interpreterSex: 'male',
      port: 'heathrow',
      neededAt: morningIn(now, 1),
      urgency: 'routine',
      purpose: 'other',
      attendance: 'in-person',
      expectedMinutes: 60,
      requesterName: 'Imran Intelligence',
      requesterPhone: '01632 960 905',
      team: 'intelligence-hub-south',
      notes:
        'Report to the Border Force office in the Terminal 4 arrivals hall. An officer will meet you at the staff entrance.',
    }),
  },
];

/**
 * Interpreter requests from four demo users, urgent, same-day and routine, at Dover, Felixstowe
 * and Heathrow. The form needs the interpreter in the future, so every request is for later.
 */
export const demoInterpreterRequests: DemoCases[] = SAMPLES.map((sample) => ({
  username: sample.username,
  count: 1,
  answers: (_i, now) => sample.answers(now),
}));
