import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

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
