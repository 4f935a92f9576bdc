import { answerDateTime, definePlugin } from '../../core/src/sdk/index.js';

const AWAITING = ['awaiting-booking', 'awaiting-same-day-booking', 'awaiting-urgent-booking'];

/** `minutes` from now, on a whole quarter of an hour (the form needs the interpreter in the future). */
const ahead = (now: Date, minutes: number) =>
  answerDateTime(new Date(Math.ceil((now.getTime() + minutes * 60_000) / 900_000) * 900_000));

/** Requests from four demo users: who, language, port, team, urgency, purpose, attendance, minutes ahead and expected. */
const DEMO = [
  ['officer', 'sqi', 'dover', 'dover-tourist-controls-team-1', 'urgent', 'further-examination', 'telephone', 30, 45],
  ['manager', 'ckb', 'dover', 'dover-tourist-controls-team-1', 'same-day', 'safeguarding', 'in-person', 180, 90],
  ['freight', 'bul', 'felixstowe', 'felixstowe-freight-team-a', 'routine', 'customs-interview', 'video', 2880, 120],
  ['intel', 'vie', 'heathrow', 'intelligence-hub-south', 'routine', 'other', 'in-person', 1440, 60],
] as const;
const DETAILS = [
  { interpreterSex: 'no-preference', notes: 'Call the search hall on the number given. The passenger is waiting.' },
  { interpreterSex: 'female', dialect: 'Sulaimani', notes: 'Ask for the duty Higher Officer at Eastern Docks.' },
  { interpreterSex: 'no-preference', notes: 'We will send the video call link the day before.' },
  { interpreterSex: 'male', dialect: 'Northern (Hanoi)', notes: 'An officer will meet you at Terminal 4.' },
];

/**
 * Interpreter bookings for interviews at the border. How urgent the request is decides the
 * first state, and so the booking task's priority and due time. Reports read the marked answers
 * (language, port, when needed, urgency, purpose, attendance, minutes expected and used, problems,
 * why cancelled) from the core's read model: the plugin keeps no tables of its own, and never
 * the requester's name or number.
 */
export default definePlugin({
  id: 'interpreter-request',
  title: 'Interpreter request',
  version: '2.0.0',
  description:
    'Book an interpreter for an interview or examination at your port, in person, by telephone or by video. Urgent requests, where a person is waiting now, are booked first.',
  sdk: '^1.0.0',
  category: 'Frontline',
  teamFrom: 'team',
  startRoles: ['officer', 'manager', 'intelligence'],
  workflow: {
    initial: 'awaiting-booking',
    routes: [
      { when: { field: 'urgency', eq: 'urgent' }, to: 'awaiting-urgent-booking' },
      { when: { field: 'urgency', eq: 'same-day' }, to: 'awaiting-same-day-booking' },
    ],
    states: [
      {
        id: 'awaiting-booking',
        label: 'Awaiting booking',
        tasks: [
          { title: 'Book an interpreter', due: 'P1D', escalation: { raisePriorityTo: 'high', notifyManagers: true } },
        ],
      },
      {
        id: 'awaiting-same-day-booking',
        label: 'Awaiting booking: needed today',
        tasks: [
          {
            title: 'Book an interpreter for today',
            priority: 'high',
            due: 'PT2H',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'awaiting-urgent-booking',
        label: 'Awaiting urgent booking: person waiting',
        tasks: [
          {
            title: 'Book an interpreter now: a person is waiting',
            priority: 'urgent',
            due: 'PT30M',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'booked',
        label: 'Interpreter booked',
        tasks: [
          {
            title: 'Confirm the interpreter attended',
            role: 'officer',
            priority: 'low',
            due: 'P2D',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'completed', label: 'Completed', terminal: true },
      { id: 'cancelled', label: 'Cancelled', terminal: true },
    ],
    actions: [
      {
        id: 'record-booking',
        label: 'Record the booking',
        from: AWAITING,
        to: 'booked',
        roles: ['officer', 'manager'],
        form: 'interpreter-booking',
      },
      {
        id: 'confirm-attendance',
        label: 'Confirm the interpreter attended',
        from: ['booked'],
        to: 'completed',
        roles: ['officer', 'manager'],
        form: 'attendance',
      },
      {
        id: 'cancel-request',
        label: 'Cancel the request',
        from: [...AWAITING, 'booked'],
        to: 'cancelled',
        roles: ['officer', 'manager'],
        form: 'cancellation',
      },
    ],
  },
  demo: DEMO.map(([username, language, port, team, urgency, purpose, attendance, minutes, expectedMinutes], i) => ({
    username,
    count: 1,
    answers: (_, now) => ({
      language,
      port,
      team,
      urgency,
      purpose,
      attendance,
      expectedMinutes,
      neededAt: ahead(now, minutes),
      requesterName: 'Duty officer',
      requesterPhone: '01632 960 214',
      ...DETAILS[i],
    }),
  })),
});
