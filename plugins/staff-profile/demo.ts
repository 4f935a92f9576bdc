import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

const HOUR = 3600_000;

/** The date-time answer `hours` after the last whole hour before now (UK hours start on UTC hours). */
const onTheHour = (now: Date, hours: number) =>
  answerDateTime(new Date(Math.floor(now.getTime() / HOUR) * HOUR + hours * HOUR));

/**
 * Two officers' profiles awaiting their line manager's confirmation: one on a 10-hour shift with
 * her own team at Dover, with a colleague able to act for her for the next fortnight; one from
 * Felixstowe covering a 12-hour shift for the Harwich RoRo team.
 */
export const demoProfiles: DemoCases[] = [
  {
    username: 'officer',
    count: 1,
    answers: (_i, now) => ({
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      lineManagerName: 'Morgan Manager',
      lineManagerEmail: 'morgan.manager@example.gov.uk',
      delegates: [
        { name: 'Owen Officer', email: 'owen.officer@example.gov.uk', until: onTheHour(now, 14 * 24).slice(0, 10) },
      ],
      shiftStart: onTheHour(now, -2),
      shiftEnd: onTheHour(now, 8),
      shiftTeam: 'dover-tourist-controls-team-1',
      shiftLocation: 'dover',
    }),
  },
  {
    username: 'freight',
    count: 1,
    answers: (_i, now) => ({
      grade: 'EO',
      team: 'felixstowe-freight-team-a',
      location: 'felixstowe',
      lineManagerName: 'Gareth Pryce',
      lineManagerEmail: 'gareth.pryce@example.gov.uk',
      shiftStart: onTheHour(now, -1),
      shiftEnd: onTheHour(now, 11),
      shiftTeam: 'harwich-roro-team',
      shiftLocation: 'harwich',
    }),
  },
];
