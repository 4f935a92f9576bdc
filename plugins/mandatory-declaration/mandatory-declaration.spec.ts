import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { referenceSets } from '../../core/src/terms/reference-data/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin, { declaredTopics } from './plugin.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('mandatory-declaration.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'mandatory-declaration',
};
const topicIds = new Set(referenceSets.find((s) => s.id === 'mandatory-declaration-topics')!.rows.map((r) => r.id));

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
    expect(validateSubmission(form, nothing, options).errors).toEqual([]);
    expect(declaredTopics(nothing)).toEqual([]);
  });

  it('needs details of every "yes", and maps them to the seeded topics', () => {
    const answers = {
      ...nothing,
      otherEmployment: true,
      personalFinance: true,
      personalFinanceDetails: 'Debt repayment plan agreed.',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'otherEmploymentDetails', message: 'Enter the details' },
    ]);
    expect(declaredTopics(answers)).toEqual(['other-employment', 'personal-finance']);
    expect(declaredTopics(answers).every((t) => topicIds.has(t))).toBe(true);
  });

  it('needs the confirmation', () => {
    expect(validateSubmission(form, { ...nothing, confirmation: [] }, options).errors).toEqual([
      { path: 'confirmation', message: 'Confirm that the information is true and complete' },
    ]);
  });
});

describeDemoSamples(plugin, form, options);
