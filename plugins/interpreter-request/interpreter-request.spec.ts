import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { apiCall, submitCase, type Auth } from '../../test/utils/reports.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('interpreter-request.form.json');
const reference = seededReference;
// 12:00 UTC is 13:00 UK time (BST) on 12 April 2026.
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'interpreter-request',
};

function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const taskOf = (state: string) => plugin.workflow!.states.find((s) => s.id === state)!.tasks![0];

const routine = {
  language: 'prs',
  dialect: 'Hazaragi',
  interpreterSex: 'no-preference',
  port: 'dover',
  neededAt: '2026-04-14T10:00',
  urgency: 'routine',
  purpose: 'customs-interview',
  attendance: 'video',
  expectedMinutes: 90,
  requesterName: 'Chris Evans',
  requesterPhone: '01632 960 001',
  team: 'dover-tourist-controls-team-2',
};

describe('interpreter-request forms (real reference data)', () => {
  it.each(['interpreter-request', 'interpreter-booking', 'attendance', 'cancellation'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a routine request, booked within a day', () => {
    const result = validateSubmission(form, routine, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-booking');
    expect(taskOf('awaiting-booking')).toMatchObject({ priority: 'medium', due: 'P1D' });
  });

  it('gives an urgent request an urgent booking task', () => {
    const answers = {
      ...routine,
      language: 'tir',
      dialect: undefined,
      neededAt: '2026-04-12T13:30',
      urgency: 'urgent',
      purpose: 'further-examination',
      attendance: 'telephone',
      expectedMinutes: 60,
    };
    const result = validateSubmission(form, answers, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-urgent-booking');
    expect(taskOf('awaiting-urgent-booking')).toMatchObject({ priority: 'urgent', due: 'PT30M' });
    expect(firstState(validateSubmission(form, { ...routine, urgency: 'same-day' }, options).answers)).toBe(
      'awaiting-same-day-booking',
    );
  });

  it('needs the interpreter in the future', () => {
    expect(validateSubmission(form, { ...routine, neededAt: '2026-04-12T12:30' }, options).errors).toEqual([
      { path: 'neededAt', message: 'Date and time the interpreter is needed must be in the future' },
    ]);
    expect(validateSubmission(form, { ...routine, neededAt: '2026-02-30T10:00' }, options).errors).toEqual([
      { path: 'neededAt', message: 'Date and time the interpreter is needed must be a real date and time' },
    ]);
  });

  it('only accepts languages from the list, and checks the rest of the request', () => {
    const answers = {
      ...routine,
      language: 'klingon',
      urgency: 'whenever',
      expectedMinutes: 5,
      requesterPhone: 'call me',
      requesterName: '',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
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
});

describeDemoSamples(plugin, form, options);

describe('interpreter-request read model', () => {
  it('keeps what a monthly return counts, dated by when the interpreter is needed, and not who asked', () => {
    // Action forms in file order, as the core reads them.
    const actionForms = ['attendance', 'cancellation', 'interpreter-booking'].map((id) => load(`${id}.form.json`));
    const def = readModelOf('interpreter-request', form, standardTerms, actionForms)!;
    expect(def.timeField).toBe('neededAt');
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['language', 'text', false],
      ['interpreterSex', 'text', false],
      ['port', 'text', false],
      ['neededAt', 'timestamptz', false],
      ['urgency', 'text', false],
      ['purpose', 'text', false],
      ['attendance', 'text', false],
      ['expectedMinutes', 'numeric', false],
      ['team', 'text', false],
      // From the attendance and cancellation forms: null until the request is completed or cancelled.
      ['minutesUsed', 'numeric', true],
      ['issues', 'boolean', true],
      ['reason', 'text', true],
    ]);
    expect(def.groups).toEqual([]);
  });
});

describe('interpreter-request in the real core', () => {
  // 10:00 UK time in June next year is 09:00 UTC (BST): always in the future.
  const year = new Date().getUTCFullYear() + 1;
  let app: TestApp;
  let officer: Auth;
  beforeAll(async () => {
    app = await startTestApp();
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const act = async (caseId: string, action: string, version: number, answers: Record<string, unknown>) => {
    const taken = await apiCall(app, 'POST', `/api/cases/${caseId}/actions/${action}`, officer, { version, answers });
    expect([action, taken.status, taken.body?.errors]).toEqual([action, 200, undefined]);
  };
  const readCase = async (caseId: string) =>
    (
      await app.sql(
        'SELECT state, owner_team, at, language, port, needed_at, urgency, expected_minutes, team, minutes_used, issues, reason FROM plugin_interpreter_request.read_case WHERE case_id = $1',
        [caseId],
      )
    )[0];

  it('keeps the request as asked, then the minutes used and any problems once attended', async () => {
    const answers = { ...routine, team: 'dover-tourist-controls-team-1', neededAt: `${year}-06-15T10:00` };
    const created = await submitCase(app, officer, 'interpreter-request', answers, 'routine');
    const needed = new Date(`${year}-06-15T09:00:00Z`);
    const asked = {
      owner_team: 'dover-tourist-controls-team-1',
      at: needed,
      language: 'prs',
      port: 'dover',
      needed_at: needed,
      urgency: 'routine',
      expected_minutes: '90',
      team: 'dover-tourist-controls-team-1',
    };
    expect(await readCase(created.id)).toEqual({
      ...asked,
      state: 'awaiting-booking',
      minutes_used: null,
      issues: null,
      reason: null,
    });
    await act(created.id, 'record-booking', 1, {
      provider: 'Contracted video interpreting service',
      bookingReference: 'VI-2026-118',
      confirmedFor: `${year}-06-15T10:00`,
    });
    await act(created.id, 'confirm-attendance', 2, { minutesUsed: 75, issues: false });
    expect(await readCase(created.id)).toEqual({
      ...asked,
      state: 'completed',
      minutes_used: '75',
      issues: false,
      reason: null,
    });
  });

  it('keeps why a request was cancelled', async () => {
    const answers = {
      ...routine,
      team: 'dover-tourist-controls-team-1',
      neededAt: `${year}-01-20T08:30`,
      urgency: 'same-day',
    };
    const created = await submitCase(app, officer, 'interpreter-request', answers, 'cancelled');
    expect(await readCase(created.id)).toMatchObject({
      state: 'awaiting-same-day-booking',
      at: new Date(`${year}-01-20T08:30:00Z`), // GMT in January
    });
    await act(created.id, 'cancel-request', 1, { reason: 'person-speaks-english' });
    expect(await readCase(created.id)).toMatchObject({
      state: 'cancelled',
      minutes_used: null,
      reason: 'person-speaks-english',
    });
  });
});
