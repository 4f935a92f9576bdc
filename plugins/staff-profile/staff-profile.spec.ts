import { usePluginKit } from '../../test/utils/plugin-kit.js';

const profile = {
  grade: 'HEO',
  team: 'dover-tourist-controls-team-1',
  location: 'dover',
  lineManagerName: 'Priya Shah',
  lineManagerEmail: 'priya.shah@example.gov.uk',
  delegates: [{ name: 'Tom Walker', email: 'tom.walker@example.gov.uk', until: '2099-06-30' }],
  shiftStart: '2026-11-12T07:00',
  shiftEnd: '2026-11-12T19:00',
  shiftTeam: 'harwich-roro-team',
  shiftLocation: 'harwich',
};

describe('staff-profile plugin', () => {
  const kit = usePluginKit('staff-profile');

  it('loads for officers and asks for the profile, the line manager and the shift', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
    expect(await kit.refused({})).toEqual([
      { path: 'grade', message: 'Select your grade' },
      { path: 'team', message: 'Select your team' },
      { path: 'location', message: 'Select your usual location' },
      { path: 'lineManagerName', message: "Enter your line manager's full name" },
      { path: 'lineManagerEmail', message: "Enter your line manager's email address" },
      { path: 'shiftStart', message: 'Enter the date and time your shift starts' },
      { path: 'shiftEnd', message: 'Enter the date and time your shift ends' },
      { path: 'shiftTeam', message: 'Select the team for this shift' },
      { path: 'shiftLocation', message: 'Select the location for this shift' },
    ]);
  });

  it('needs the shift to end after it starts, and to last 16 hours at most', async () => {
    const after = [{ path: 'shiftEnd', message: 'Shift end must be after the shift start' }];
    expect(await kit.refused({ ...profile, shiftEnd: '2026-11-12T06:00' })).toEqual(after);
    expect(await kit.refused({ ...profile, shiftEnd: '2026-11-12T07:00' })).toEqual(after);
    expect(await kit.refused({ ...profile, shiftEnd: '2026-11-13T00:30' })).toEqual([
      { path: 'shiftEnd', message: 'Shift must be 16 hours or shorter – check the shift start and end' },
    ]);
  });

  it('checks grade, team, line manager and delegates', async () => {
    const answers = {
      ...profile,
      grade: 'captain',
      team: 'dover-freight-team-z',
      lineManagerEmail: 'priya.shah',
      delegates: [{ name: 'Tom Walker', until: '2026-04-01' }],
    };
    expect(await kit.refused(answers)).toEqual([
      { path: 'grade', message: 'Select your grade from the list' },
      { path: 'team', message: 'Select your team from the list' },
      { path: 'lineManagerEmail', message: 'Enter an email address in the correct format, like name@example.com' },
      { path: 'delegates[0].email', message: "Enter the delegate's email address" },
      { path: 'delegates[0].until', message: 'Date the delegation ends must be in the future' },
    ]);
  });

  it('keeps grade, team, location and the shift, dated by its start, for the profile team; follows the line manager', async () => {
    const created = await kit.submit(profile, 'freight'); // a Felixstowe officer
    expect(created.answers.shiftMinutes).toBe(720);
    // Delegates are names and email addresses only, like the line manager: not kept for reports.
    const kept = {
      owner_team: 'dover-tourist-controls-team-1', // the profile's team, not the officer's
      at: new Date('2026-11-12T07:00:00Z'), // GMT in November
      grade: 'HEO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      shift_start: new Date('2026-11-12T07:00:00Z'),
      shift_team: 'harwich-roro-team',
      shift_location: 'harwich',
      shift_minutes: '720',
    };
    expect(await kit.readCase(created.id)).toEqual({ ...kept, state: 'awaiting-confirmation' });
    await kit.act(created.id, 'confirm-profile');
    expect(await kit.readCase(created.id)).toEqual({ ...kept, state: 'confirmed' });
  });

  it('stores the officer’s own name and email from their account, and email addresses in lower case', async () => {
    const [account] = await kit.app.sql<{ name: string; email: string }>(
      "SELECT display_name AS name, email FROM core.app_user WHERE username = 'freight'",
    );
    const created = await kit.submit({ ...profile, lineManagerEmail: 'Priya.Shah@Example.GOV.uk' }, 'freight');
    const [{ answers }] = await kit.app.sql<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM core."case" WHERE id = $1',
      [created.id],
    );
    expect(answers).toMatchObject({
      fullName: account!.name,
      email: account!.email.toLowerCase(),
      lineManagerEmail: 'priya.shah@example.gov.uk',
    });
    expect(await kit.refused({ ...profile, fullName: 'Someone Else' }, 'freight')).toEqual([
      { path: 'fullName', message: 'You cannot change your name' },
    ]);
  });

  it('accepts a profile without delegates, and its demo samples', async () => {
    const { delegates: _d, ...answers } = profile;
    await kit.submit(answers);
    expect(await kit.demo()).toHaveLength(2);
  });
});
