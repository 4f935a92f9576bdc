import { usePluginKit } from '../../test/utils/plugin-kit.js';

// 10:00 UK time in June next year is 09:00 UTC (BST): always in the future.
const year = new Date().getUTCFullYear() + 1;
const routine = {
  language: 'prs',
  dialect: 'Hazaragi',
  interpreterSex: 'no-preference',
  port: 'dover',
  neededAt: `${year}-06-15T10:00`,
  urgency: 'routine',
  purpose: 'customs-interview',
  attendance: 'video',
  expectedMinutes: 90,
  requesterName: 'Chris Evans',
  requesterPhone: '01632 960 001',
  team: 'dover-tourist-controls-team-1',
};
const needed = new Date(`${year}-06-15T09:00:00Z`);

describe('interpreter-request', () => {
  const kit = usePluginKit('interpreter-request');
  /** The new case's state, and its task's priority and minutes to its due time. */
  const routed = async (answers: Record<string, unknown>) => {
    const { state, tasks, createdAt } = await kit.submit(answers);
    return [state, tasks[0].priority, Math.round((Date.parse(tasks[0].dueAt) - Date.parse(createdAt)) / 60_000)];
  };

  it('loads, and its demo requests are accepted', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
    expect(await kit.demo()).toHaveLength(4);
  });

  it('books a routine request within a day, a same-day one in 2 hours and an urgent one in 30 minutes', async () => {
    expect(await routed(routine)).toEqual(['awaiting-booking', 'medium', 24 * 60]);
    expect(await routed({ ...routine, urgency: 'same-day' })).toEqual(['awaiting-same-day-booking', 'high', 120]);
    const urgent = { ...routine, language: 'tir', dialect: undefined, urgency: 'urgent', attendance: 'telephone' };
    expect(await routed(urgent)).toEqual(['awaiting-urgent-booking', 'urgent', 30]);
  });

  it('needs the interpreter at a real time in the future', async () => {
    expect(await kit.refused({ ...routine, neededAt: '2026-04-12T12:30' })).toEqual([
      { path: 'neededAt', message: 'Date and time the interpreter is needed must be in the future' },
    ]);
    expect(await kit.refused({ ...routine, neededAt: `${year}-02-30T10:00` })).toEqual([
      { path: 'neededAt', message: 'Date and time the interpreter is needed must be a real date and time' },
    ]);
  });

  it('only accepts languages from the list, and checks the rest of the request', async () => {
    const answers = {
      ...routine,
      language: 'klingon',
      urgency: 'whenever',
      expectedMinutes: 5,
      requesterPhone: 'call me',
      requesterName: '',
    };
    expect(await kit.refused(answers)).toEqual([
      { path: 'language', message: 'Select the language from the list' },
      { path: 'urgency', message: 'Select how urgent it is from the list' },
      { path: 'expectedMinutes', message: 'How long it will take must be between 15 and 480' },
      { path: 'requesterName', message: 'Enter your full name' },
      {
        path: 'requesterPhone',
        message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
      },
    ]);
  });

  it('keeps the request as asked, not who asked, then the minutes used and any problems once attended', async () => {
    const created = await kit.submit(routine);
    const asked = {
      owner_team: 'dover-tourist-controls-team-1',
      at: needed, // dated by when the interpreter is needed
      language: 'prs',
      interpreter_sex: 'no-preference',
      port: 'dover',
      needed_at: needed,
      urgency: 'routine',
      purpose: 'customs-interview',
      attendance: 'video',
      expected_minutes: '90',
      team: 'dover-tourist-controls-team-1',
    };
    // Null until the request is completed or cancelled.
    const outcome = { minutes_used: null, issues: null, reason: null };
    expect(await kit.readCase(created.id)).toEqual({ ...asked, ...outcome, state: 'awaiting-booking' });
    await kit.act(created.id, 'record-booking', 'officer', {
      provider: 'Contracted video interpreting service',
      bookingReference: 'VI-2026-118',
      confirmedFor: `${year}-06-15T10:00`,
    });
    await kit.act(created.id, 'confirm-attendance', 'officer', { minutesUsed: 75, issues: false });
    expect(await kit.readCase(created.id)).toEqual({
      ...asked,
      state: 'completed',
      minutes_used: '75',
      issues: false,
      reason: null,
    });
  });

  it('keeps why a request was cancelled', async () => {
    const created = await kit.submit({ ...routine, neededAt: `${year}-01-20T08:30`, urgency: 'same-day' });
    expect(await kit.readCase(created.id)).toMatchObject({
      state: 'awaiting-same-day-booking',
      at: new Date(`${year}-01-20T08:30:00Z`), // GMT in January
    });
    await kit.act(created.id, 'cancel-request', 'officer', { reason: 'person-speaks-english' });
    expect(await kit.readCase(created.id)).toMatchObject({
      state: 'cancelled',
      minutes_used: null,
      reason: 'person-speaks-english',
    });
  });
});
