import { newUser } from '../../../testing/fixtures';
import {
  DateTimeParts,
  checkCover,
  coverServerProblems,
  emptyCover,
  teamChoices,
  ukTimeToIso,
} from './team-cover-form';

const at = (day: string, month: string, year: string, hour: string, minute: string): DateTimeParts => ({
  day,
  month,
  year,
  hour,
  minute,
});

const filled = {
  ...emptyCover(),
  username: ' freight ',
  teamId: 'dover-tourist-controls-team-1',
  to: at('28', '11', '2026', '18', '00'),
  reason: ' Covering the Saturday peak ',
};

describe('team cover form', () => {
  it('reads UK clock times as GMT in winter and BST in summer', () => {
    expect(ukTimeToIso(2026, 11, 28, 18, 0)).toBe('2026-11-28T18:00:00.000Z');
    expect(ukTimeToIso(2026, 7, 1, 9, 30)).toBe('2026-07-01T08:30:00.000Z');
    // The last hour of summer time and the first of winter time on 25 October 2026.
    expect(ukTimeToIso(2026, 10, 25, 0, 30)).toBe('2026-10-24T23:30:00.000Z');
    expect(ukTimeToIso(2026, 10, 25, 2, 0)).toBe('2026-10-25T02:00:00.000Z');
    expect(ukTimeToIso(2026, 3, 29, 3, 0)).toBe('2026-03-29T02:00:00.000Z');
  });

  it('builds the request, trimmed, leaving the start out when it is empty', () => {
    expect(checkCover(filled)).toEqual({
      request: {
        username: 'freight',
        teamId: 'dover-tourist-controls-team-1',
        validTo: '2026-11-28T18:00:00.000Z',
        reason: 'Covering the Saturday peak',
      },
      problems: [],
    });
    const later = checkCover({ ...filled, from: at('27', '11', '2026', '7', '0') });
    expect(later.request?.validFrom).toBe('2026-11-27T07:00:00.000Z');
  });

  it('asks for every required answer, linked to its input', () => {
    expect(checkCover(emptyCover()).problems).toEqual([
      { fieldId: 'cover-username', message: 'Enter the username of the person covering the team' },
      { fieldId: 'cover-team', message: 'Select the team they will cover' },
      {
        fieldId: 'cover-to-day',
        message: 'Enter when the cover ends',
        parts: ['day', 'month', 'year', 'hour', 'minute'],
      },
      { fieldId: 'cover-reason', message: 'Enter why the cover is needed' },
    ]);
    expect(checkCover({ ...filled, reason: 'x'.repeat(501) }).problems[0]?.message).toBe(
      'The reason must be 500 characters or fewer',
    );
  });

  it('names the missing boxes and refuses dates and times that are not real', () => {
    const problem = (to: DateTimeParts) => checkCover({ ...filled, to }).problems[0];
    expect(problem(at('28', '', '', '18', '00'))).toEqual({
      fieldId: 'cover-to-month',
      message: 'The end must include a month and year',
      parts: ['month', 'year'],
    });
    expect(problem(at('28', '11', '2026', '', ''))?.message).toBe('The end must include an hour and minute');
    expect(problem(at('28', '11', '26', '18', '00'))).toMatchObject({ fieldId: 'cover-to-year', parts: ['year'] });
    expect(problem(at('31', '11', '2026', '18', '00'))?.message).toBe('The end must be a real date');
    expect(problem(at('28', '11', '2026', '24', '00'))).toMatchObject({
      fieldId: 'cover-to-hour',
      message: 'The end must be a real time on the 24-hour clock, for example 18 and 00',
    });
    const from = checkCover({ ...filled, from: at('', '11', '2026', '', '') }).problems[0];
    expect(from).toMatchObject({ fieldId: 'cover-from-day', message: 'The start must include a day, hour and minute' });
  });

  it("places the core's field errors on the inputs, and unknown paths unlinked", () => {
    expect(
      coverServerProblems([
        { path: 'username', message: 'There is no one with that username' },
        { path: 'validTo', message: 'A cover can last at most 31 days' },
        { path: 'kind', message: 'Only an admin can add a team member' },
      ]),
    ).toEqual([
      { fieldId: 'cover-username', message: 'There is no one with that username' },
      { fieldId: 'cover-to-day', message: 'A cover can last at most 31 days' },
      { fieldId: '', message: 'Only an admin can add a team member' },
    ]);
  });

  it("offers a manager their own command's teams and an admin every team, by name", () => {
    const rows = [
      { id: 'dover-2', label: 'Dover Team 2', validFrom: '2012-03-01', attributes: { command: 'south-east' } },
      { id: 'felixstowe-a', label: 'Felixstowe Team A', validFrom: '2012-03-01', attributes: { command: 'central' } },
      { id: 'dover-1', label: 'Dover Team 1', validFrom: '2012-03-01', attributes: { command: 'south-east' } },
    ];
    const manager = newUser({ roles: ['manager'], teamId: 'dover-1' });
    expect(teamChoices(rows, manager)).toEqual([
      { value: 'dover-1', label: 'Dover Team 1' },
      { value: 'dover-2', label: 'Dover Team 2' },
    ]);
    expect(teamChoices(rows, newUser({ roles: ['admin'], teamId: 'dover-1' })).map((t) => t.value)).toEqual([
      'dover-1',
      'dover-2',
      'felixstowe-a',
    ]);
  });
});
