import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin, { TOPICS } from './plugin.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { apiCall, submitCase } from '../../test/utils/reports.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('mandatory-declaration.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'mandatory-declaration',
};
const topicIds = new Set(plugin.reference!.sets![0]!.rows.map((r) => r.id));

/** The first state a submission's validated answers route to. */
function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const nothing = {
  declarationType: 'annual',
  grade: 'EO',
  team: 'stansted-arrivals-team-1',
  lineManager: 'Alex Jones',
  lineManagerEmail: 'alex.jones@example.gov.uk',
  securityClearance: false,
  sponsorship: false,
  otherEmployment: false,
  criminality: false,
  personalFinance: false,
  businessInterests: false,
  confirmation: ['confirmed'],
};

describe('mandatory-declaration forms (real reference data)', () => {
  it.each(['mandatory-declaration', 'declaration-review'])('%s is a consistent form declaration', (id) => {
    expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
  });

  it('accepts a declaration with nothing to declare, which needs no review', () => {
    const result = validateSubmission(form, nothing, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('recorded');
  });

  it('needs details of every "yes"', () => {
    const answers = {
      ...nothing,
      otherEmployment: true,
      personalFinance: true,
      personalFinanceDetails: 'Debt repayment plan agreed.',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'otherEmploymentDetails', message: 'Enter the details' },
    ]);
  });

  it.each(Object.keys(TOPICS))('a "yes" to %s goes to the line manager, under a seeded topic', (question) => {
    const answers = { ...nothing, [question]: true, [`${question}Details`]: 'Details given.' };
    const result = validateSubmission(form, answers, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('line-manager-review');
    expect(topicIds.has(TOPICS[question]!)).toBe(true);
  });

  it('keeps why, grade, team, each yes/no and the decision in the read model, never details or names', () => {
    const def = readModelOf('mandatory-declaration', form, standardTerms, [load('declaration-review.form.json')])!;
    expect(def.timeField).toBeUndefined(); // dated by when it was declared
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['declarationType', 'text', false],
      ['grade', 'text', false],
      ['team', 'text', false],
      ...Object.keys(TOPICS).map((question) => [question, 'boolean', false]),
      ['decision', 'text', true],
    ]);
    expect(def.groups).toEqual([]);
  });

  it('needs the confirmation', () => {
    expect(validateSubmission(form, { ...nothing, confirmation: [] }, options).errors).toEqual([
      { path: 'confirmation', message: 'Confirm that the information is true and complete' },
    ]);
  });
});

describeDemoSamples(plugin, form, options);

describe('mandatory-declaration in the real core', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('keeps a declaration with a "yes" in review, then the line manager’s decision', async () => {
    const [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);
    const answers = {
      ...nothing,
      team: 'dover-tourist-controls-team-1',
      otherEmployment: true,
      otherEmploymentDetails: 'Paid football refereeing on Sundays.',
    };
    const created = await submitCase(app, officer, 'mandatory-declaration', answers, 'declaration');
    const readCase = async () =>
      (
        await app.sql(
          'SELECT state, declaration_type, grade, team, security_clearance, sponsorship, other_employment, criminality, personal_finance, business_interests, decision FROM plugin_mandatory_declaration.read_case WHERE case_id = $1',
          [created.id],
        )
      )[0];
    const declared = {
      declaration_type: 'annual',
      grade: 'EO',
      team: 'dover-tourist-controls-team-1',
      security_clearance: false,
      sponsorship: false,
      other_employment: true,
      criminality: false,
      personal_finance: false,
      business_interests: false,
    };
    expect(await readCase()).toEqual({ ...declared, state: 'line-manager-review', decision: null });
    const reviewed = await apiCall(app, 'POST', `/api/cases/${created.id}/actions/record-review`, manager, {
      version: 1,
      answers: { decision: 'conditions', conditions: 'Not to be rostered on Sunday mornings at short notice.' },
    });
    expect([reviewed.status, reviewed.body?.errors]).toEqual([200, undefined]);
    expect(await readCase()).toEqual({ ...declared, state: 'reviewed', decision: 'conditions' });
  });
});
