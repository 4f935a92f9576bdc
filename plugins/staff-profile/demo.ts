import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

const HOUR = 3600_000;

/** The instant `hours` after the last whole hour before now (UK hours start on UTC hours). */
const onTheHour = (now: Date, hours: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR + hours * HOUR);

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
        {
          name: 'Owen Officer',
          email: 'owen.officer@example.gov.uk',
          until: answerDateTime(new Date(now.getTime() + 14 * 24 * HOUR)).slice(0, 10),
        },
      ],
      shiftStart: answerDateTime(onTheHour(now, -2)),
      shiftEnd: answerDateTime(onTheHour(now, 8)),
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
      shiftStart: answerDateTime(onTheHour(now, -1)),
      shiftEnd: answerDateTime(onTheHour(now, 11)),
      shiftTeam: 'harwich-roro-team',
      shiftLocation: 'harwich',
    }),
  },
];
