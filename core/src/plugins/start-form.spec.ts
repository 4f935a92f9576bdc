import { checkManifest } from './manifest-check.js';
import { startFormId } from './start-form.js';

const form = (id: string) => ({
  file: `${id}.form.json`,
  definition: {
    id,
    version: 1,
    title: `Form ${id}`,
    type: 'single',
    pages: [{ id: 'p', title: 'Page', components: [{ type: 'text', name: 'note', label: 'Note' }] }],
  },
});
const manifest = (extra: Record<string, unknown> = {}) => ({
  id: 'seizure-log',
  title: 'Seizure log',
  version: '1.0.0',
  description: 'A log',
  sdk: '^1.0.0',
  ...extra,
});
const discovered = (forms: ReturnType<typeof form>[], extra?: Record<string, unknown>) => ({
  dir: '/plugins/seizure-log',
  manifest: manifest(extra),
  forms,
  migrations: [],
  templates: [],
});

describe('the start form of a plugin', () => {
  it('is the declared startForm, else the form with the plugin’s id, else the only form', () => {
    const forms = [form('close-log'), form('seizure-log')];
    expect(startFormId({ id: 'seizure-log', manifest: { startForm: 'close-log' }, forms })).toBe('close-log');
    expect(startFormId({ id: 'seizure-log', manifest: {}, forms })).toBe('seizure-log');
    expect(startFormId({ id: 'seizure-log', forms: [form('anything')] })).toBe('anything');
    expect(startFormId({ id: 'seizure-log', forms: [form('a'), form('b')] })).toBeUndefined();
    expect(startFormId({ id: 'seizure-log', forms: [] })).toBeUndefined();
  });

  it('needs no startForm when a form has the plugin’s id, and asks for one when several forms leave it unclear', () => {
    const ok = checkManifest(discovered([form('close-log'), form('seizure-log')]));
    expect(ok.ok ? [] : ok.problems).toEqual([]);
    expect(checkManifest(discovered([form('close-log'), form('open-log')]))).toEqual({
      ok: false,
      id: 'seizure-log',
      problems: ['it has 2 forms and none has the id "seizure-log": name the one that starts a case with startForm'],
    });
    expect(checkManifest(discovered([form('close-log'), form('open-log')], { startForm: 'open-log' }))).toMatchObject({
      ok: true,
    });
  });
});

describe('a workflow that records officers’ profiles', () => {
  const profileForm = {
    file: 'seizure-log.form.json',
    definition: {
      id: 'seizure-log',
      version: 1,
      type: 'single',
      title: 'Profile',
      pages: [
        {
          id: 'p',
          title: 'Page',
          components: [
            { type: 'text', name: 'base', label: 'Base' },
            {
              type: 'group',
              name: 'people',
              label: 'People',
              components: [{ type: 'text', name: 'name', label: 'Name' }],
            },
          ],
        },
      ],
    },
  };
  const problems = (officerProfile: unknown) => {
    const check = checkManifest(discovered([profileForm as ReturnType<typeof form>], { officerProfile }));
    return check.ok ? [] : check.problems;
  };

  it('names fields of its start form: a question for each source, a repeating group for delegates', () => {
    expect(problems({ location: 'base', delegates: 'people' })).toEqual([]);
    expect(problems({ location: 'nowhere', delegates: 'base', shoeSize: 'base', grade: 'people' })).toEqual([
      'officerProfile.location: "nowhere" is not a field of form "seizure-log"',
      'officerProfile.delegates: "base" must be a repeating group',
      'officerProfile.shoeSize is not a profile field (grade, team, location, lineManagerName, lineManagerEmail, delegates)',
      'officerProfile.grade: "people" must be a question, not a repeating group',
    ]);
  });
});
