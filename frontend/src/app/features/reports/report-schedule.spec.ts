import {
  ScheduleInput,
  checkSchedule,
  describeCron,
  fromCron,
  inputFor,
  nextRunWords,
  scheduleServerProblems,
  scheduleWords,
  timeWords,
  toCron,
} from './report-schedule';

describe('report schedules without cron', () => {
  it('turns every radio into cron', () => {
    expect(toCron({ frequency: 'daily', hour: 6, minute: 0 })).toBe('0 6 * * *');
    expect(toCron({ frequency: 'weekly', hour: 7, minute: 30, dayOfWeek: 1 })).toBe('30 7 * * 1');
    expect(toCron({ frequency: 'weekly', hour: 23, minute: 59, dayOfWeek: 0 })).toBe('59 23 * * 0');
    expect(toCron({ frequency: 'monthly', hour: 6, minute: 0, dayOfMonth: 1 })).toBe('0 6 1 * *');
    expect(toCron({ frequency: 'monthly', hour: 0, minute: 5, dayOfMonth: 28 })).toBe('5 0 28 * *');
  });

  it('reads the radios back from cron, the same shapes both ways', () => {
    expect(fromCron('0 6 * * *')).toEqual({ frequency: 'daily', hour: 6, minute: 0 });
    expect(fromCron('30 7 * * 1')).toEqual({ frequency: 'weekly', hour: 7, minute: 30, dayOfWeek: 1 });
    expect(fromCron(' 0  6   1 * * ')).toEqual({ frequency: 'monthly', hour: 6, minute: 0, dayOfMonth: 1 });
    expect(fromCron('00 07 * * 7')).toEqual({ frequency: 'weekly', hour: 7, minute: 0, dayOfWeek: 0 }); // 7 is Sunday too
    for (const cron of ['0 6 * * *', '30 7 * * 1', '15 18 * * 0', '0 6 1 * *', '45 23 28 * *'])
      expect(toCron(fromCron(cron)!)).toBe(cron);
  });

  it('leaves every other cron as a custom schedule', () => {
    for (const cron of [
      '0 6 29 * *', // not every month has it
      '0 6 1 1 *', // once a year
      '0 6 * * 1-5', // weekdays
      '0 6,18 * * *', // twice a day
      '*/30 * * * *',
      '0 */2 * * *',
      '0 6 1 * 1', // day of month and day of week
      '0 6 * * MON',
      '0 24 * * *',
      '60 6 * * *',
      '0 0 6 1 * *', // six fields
      '',
      null,
    ])
      expect(fromCron(cron)).toBeNull();
  });

  it('says a schedule in plain English, and a custom one as it is', () => {
    expect(describeCron('30 7 * * 1')).toBe('Every Monday at 7:30am');
    expect(describeCron('0 6 1 * *')).toBe('Every month on the 1st at 6am');
    expect(describeCron('0 12 2 * *')).toBe('Every month on the 2nd at midday');
    expect(describeCron('0 0 3 * *')).toBe('Every month on the 3rd at midnight');
    expect(describeCron('5 18 22 * *')).toBe('Every month on the 22nd at 6:05pm');
    expect(describeCron('0 9 11 * *')).toBe('Every month on the 11th at 9am');
    expect(describeCron('0 13 * * *')).toBe('Every day at 1pm');
    expect(describeCron('0 6 * * 1-5')).toBeNull();
    expect(scheduleWords('0 6 * * 1-5')).toBe('A custom schedule: 0 6 * * 1-5');
    expect([timeWords(0, 30), timeWords(12, 30), timeWords(11, 59)]).toEqual(['12:30am', '12:30pm', '11:59am']);
  });

  it('gives the next run in UK time, summer and winter', () => {
    expect(nextRunWords('2026-12-01T06:00:00.000Z')).toBe('1 December 2026 at 6am');
    expect(nextRunWords('2026-06-01T05:00:00.000Z')).toBe('1 June 2026 at 6am'); // BST
    expect(nextRunWords('2026-11-30T07:30:00.000Z')).toBe('30 November 2026 at 7:30am');
  });

  it('starts the page from the schedule in force', () => {
    const own = { cron: '0 6 1 * *', defaultCron: '0 6 1 * *', enabled: true };
    expect(inputFor(own)).toEqual({ choice: 'own', hour: '6', minute: '00', dayOfWeek: '1', dayOfMonth: '1' });
    expect(inputFor({ ...own, cron: '30 7 * * 1' })).toEqual({
      choice: 'weekly',
      hour: '7',
      minute: '30',
      dayOfWeek: '1',
      dayOfMonth: '',
    });
    expect(inputFor({ ...own, cron: '0 18 * * *' }).choice).toBe('daily');
    expect(inputFor({ ...own, cron: '0 6 15 * *' })).toMatchObject({ choice: 'monthly', dayOfMonth: '15' });
    expect(inputFor({ ...own, cron: '0 6 * * 1-5' })).toMatchObject({ choice: 'custom', hour: '6', dayOfMonth: '1' });
    expect(inputFor({ ...own, enabled: false }).choice).toBe('none');
    expect(inputFor({ cron: null, defaultCron: null, enabled: true })).toEqual({
      choice: 'none',
      hour: '',
      minute: '',
      dayOfWeek: '1',
      dayOfMonth: '',
    });
  });

  it('builds the update the core expects for each choice', () => {
    const base = { hour: '7', minute: '30', dayOfWeek: '1', dayOfMonth: '' };
    expect(checkSchedule({ ...base, choice: 'weekly' }, null)).toEqual({
      update: { cron: '30 7 * * 1', enabled: true },
      problems: [],
    });
    expect(checkSchedule({ ...base, choice: 'daily', hour: '07', minute: '0' }, null).update).toEqual({
      cron: '0 7 * * *',
      enabled: true,
    });
    expect(checkSchedule({ ...base, choice: 'monthly', dayOfMonth: '28' }, null).update).toEqual({
      cron: '30 7 28 * *',
      enabled: true,
    });
    expect(checkSchedule({ ...base, choice: 'own' }, '0 6 * * *').update).toEqual({ cron: null, enabled: true });
    expect(checkSchedule({ ...base, choice: 'none' }, '0 6 * * *').update).toEqual({ enabled: false });
    expect(checkSchedule({ ...base, choice: 'custom' }, '0 6 * * 1-5').update).toEqual({
      cron: '0 6 * * 1-5',
      enabled: true,
    });
  });

  it('says what is wrong with the time and days, on the right field', () => {
    const base: ScheduleInput = { choice: 'weekly', hour: '7', minute: '30', dayOfWeek: '1', dayOfMonth: '' };
    const problems = (input: Partial<ScheduleInput>) => checkSchedule({ ...base, ...input }, null).problems;
    expect(problems({ hour: '25' })).toEqual([
      { fieldId: 'schedule-hour', message: 'Hour must be a number from 0 to 23' },
    ]);
    expect(problems({ minute: '60' })).toEqual([
      { fieldId: 'schedule-minute', message: 'Minute must be a number from 0 to 59' },
    ]);
    expect(problems({ hour: '', minute: '' })).toEqual([
      { fieldId: 'schedule-hour', message: 'Enter the time the report is produced' },
    ]);
    expect(problems({ hour: '' })).toEqual([{ fieldId: 'schedule-hour', message: 'Time must include an hour' }]);
    expect(problems({ minute: ' ' })).toEqual([{ fieldId: 'schedule-minute', message: 'Time must include a minute' }]);
    expect(problems({ hour: '7am' })[0]?.fieldId).toBe('schedule-hour');
    expect(problems({ choice: 'monthly', dayOfMonth: '' })).toEqual([
      { fieldId: 'schedule-day-of-month', message: 'Enter the day of the month' },
    ]);
    expect(problems({ choice: 'monthly', dayOfMonth: '31' })).toEqual([
      { fieldId: 'schedule-day-of-month', message: 'Day of the month must be a number from 1 to 28' },
    ]);
    expect(problems({ choice: '' })).toEqual([
      { fieldId: 'schedule-choice', message: 'Select how often the report is produced' },
    ]);
  });

  it("places the core's errors: cron on the choice, the rest in the summary only", () => {
    expect(
      scheduleServerProblems([
        { path: 'cron', message: 'A scheduled report can run at most once an hour' },
        { path: 'parameters.eventLog', message: 'Select border event log' },
      ]),
    ).toEqual([
      { fieldId: 'schedule-choice', message: 'A scheduled report can run at most once an hour' },
      { fieldId: '', message: 'Select border event log' },
    ]);
  });
});
