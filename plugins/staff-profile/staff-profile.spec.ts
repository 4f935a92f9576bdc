import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { apiCall, submitCase } from '../../test/utils/reports.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('staff-profile.form.json');
const reference = seededReference;
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T06:30:00Z'), workflow: 'staff-profile' };

const profile = {
  grade: 'HEO',
  team: 'felixstowe-freight-team-a',
  location: 'felixstowe',
  lineManagerName: 'Priya Shah',
  lineManagerEmail: 'priya.shah@example.gov.uk',
  delegates: [{ name: 'Tom Walker', email: 'tom.walker@example.gov.uk', until: '2026-06-30' }],
  shiftStart: '2026-04-12T07:00',
  shiftEnd: '2026-04-12T19:00',
  shiftTeam: 'harwich-roro-team',
  shiftLocation: 'harwich',
};

describe('staff-profile forms (real reference data)', () => {
  it.each(['staff-profile', 'profile-corrections', 'profile-resubmission'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a profile with a 12-hour shift covering another team, owned by the profile team', () => {
    const result = validateSubmission(form, profile, options);
    expect(result.errors).toEqual([]);
    expect(result.answers.shiftMinutes).toBe(720);
    expect(plugin.teamFrom).toBe('team');
  });

  it('accepts a profile without delegates', () => {
    const { delegates: _d, ...answers } = profile;
    expect(validateSubmission(form, answers, options).errors).toEqual([]);
  });

  it('needs the shift to end after it starts', () => {
    expect(validateSubmission(form, { ...profile, shiftEnd: '2026-04-12T06:00' }, options).errors).toEqual([
      { path: 'shiftEnd', message: 'Shift end must be after the shift start' },
    ]);
    expect(validateSubmission(form, { ...profile, shiftEnd: '2026-04-12T07:00' }, options).errors).toEqual([
      { path: 'shiftEnd', message: 'Shift end must be after the shift start' },
    ]);
  });

  it('refuses a shift longer than 16 hours', () => {
    expect(validateSubmission(form, { ...profile, shiftEnd: '2026-04-13T00:30' }, options).errors).toEqual([
      { path: 'shiftEnd', message: 'Shift must be 16 hours or shorter – check the shift start and end' },
    ]);
  });

  it('checks grade, team, line manager and delegates', () => {
    const answers = {
      ...profile,
      grade: 'captain',
      team: 'dover-freight-team-z',
      lineManagerEmail: 'priya.shah',
      delegates: [{ name: 'Tom Walker', until: '2026-04-01' }],
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'grade', message: 'Select your grade from the list' },
      { path: 'team', message: 'Select your team from the list' },
      { path: 'lineManagerEmail', message: 'Enter an email address in the correct format, like name@example.com' },
      { path: 'delegates[0].email', message: "Enter the delegate's email address" },
      { path: 'delegates[0].until', message: 'Date the delegation ends must be in the future' },
    ]);
  });
});

describeDemoSamples(plugin, form, options);

describe('staff-profile read model', () => {
  it('keeps grade, team, location and the shift, dated by its start, and no names or addresses', () => {
    const actionForms = ['profile-corrections', 'profile-resubmission'].map((id) => load(`${id}.form.json`));
    const def = readModelOf('staff-profile', form, standardTerms, actionForms)!;
    expect(def.timeField).toBe('shiftStart');
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['grade', 'text', false],
      ['team', 'text', false],
      ['location', 'text', false],
      ['shiftStart', 'timestamptz', false],
      ['shiftTeam', 'text', false],
      ['shiftLocation', 'text', false],
      ['shiftMinutes', 'numeric', false],
    ]);
    // Delegates are names and email addresses only: not kept for reports.
    expect(def.groups).toEqual([]);
  });
});

describe('staff-profile in the real core', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('keeps the profile for the profile team, and follows the line manager’s confirmation', async () => {
    const [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);
    const answers = {
      ...profile,
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      shiftStart: '2026-11-12T07:00',
      shiftEnd: '2026-11-12T17:00',
      delegates: [{ name: 'Owen Officer', email: 'owen.officer@example.gov.uk', until: '2099-06-30' }],
    };
    const created = await submitCase(app, officer, 'staff-profile', answers, 'profile');
    const readCase = async () =>
      (
        await app.sql(
          'SELECT state, owner_team, at, grade, team, location, shift_start, shift_team, shift_location, shift_minutes FROM plugin_staff_profile.read_case WHERE case_id = $1',
          [created.id],
        )
      )[0];
    const kept = {
      owner_team: 'dover-tourist-controls-team-1',
      at: new Date('2026-11-12T07:00:00Z'), // GMT in November
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      shift_start: new Date('2026-11-12T07:00:00Z'),
      shift_team: 'harwich-roro-team',
      shift_location: 'harwich',
      shift_minutes: '600',
    };
    expect(await readCase()).toEqual({ ...kept, state: 'awaiting-confirmation' });
    const confirmed = await apiCall(app, 'POST', `/api/cases/${created.id}/actions/confirm-profile`, manager, {
      version: 1,
    });
    expect([confirmed.status, confirmed.body?.errors]).toEqual([200, undefined]);
    expect(await readCase()).toEqual({ ...kept, state: 'confirmed' });
  });
});
