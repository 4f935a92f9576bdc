import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { demoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('refusal-of-entry.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T18:00:00Z'),
  workflow: 'refusal-of-entry',
};

function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const granted = {
  givenName: 'Maria',
  familyName: 'Silva',
  dateOfBirth: '1990-02-11',
  nationality: 'BRA',
  sex: 'female',
  documentType: 'passport',
  documentNumber: 'FX123456',
  issuingCountry: 'BRA',
  documentConcern: false,
  port: 'heathrow',
  transportMode: 'air-passenger',
  flightNumber: 'BA0246',
  arrivedAt: '2026-04-12T13:05',
  team: 'heathrow-t5-arrivals-red-team',
  riskFactors: ['purpose-not-credible', 'insufficient-funds'],
  examinationSummary:
    'Said she was visiting a friend but could not give an address. Friend contacted and confirmed the visit and accommodation.',
  powerUsed: 'examination',
  is81ServedAt: '2026-04-12T13:40',
  interpreterUsed: true,
  interpreterLanguage: 'por',
  outcome: 'leave-granted',
  decisionAt: '2026-04-12T16:20',
};

const refused = {
  ...granted,
  documentConcern: true,
  documentIssue: 'impostor-document',
  riskFactors: ['document-concern', 'deception'],
  powerUsed: 'detention-pending-examination',
  outcome: 'refused-detained',
  refusalReasons: 'The passport presented belongs to another person. You have sought entry by deception.',
  authorisingOfficer: 'Sam Patel',
};

describe('refusal-of-entry forms (real reference data)', () => {
  it.each(['refusal-of-entry', 'refusal-authorisation', 'removal-details', 'outcome-update'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a passenger granted leave after examination, which a manager reviews', () => {
    const result = validateSubmission(form, granted, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-review');
  });

  it('accepts a refusal, which goes straight to a Higher Officer to authorise', () => {
    const result = validateSubmission(form, refused, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-authorisation');
    expect(plugin.workflow!.states.find((s) => s.id === 'awaiting-authorisation')!.tasks![0]).toMatchObject({
      priority: 'urgent',
      due: 'PT1H',
    });
  });

  it('routes immigration bail and asylum claims to their own follow-up', () => {
    const bail = { ...granted, outcome: 'immigration-bail', bailReportingDate: '2026-04-19' };
    expect(validateSubmission(form, bail, options).errors).toEqual([]);
    expect(firstState(validateSubmission(form, bail, options).answers)).toBe('on-immigration-bail');
    expect(firstState(validateSubmission(form, { ...granted, outcome: 'asylum-claim' }, options).answers)).toBe(
      'asylum-handover',
    );
  });

  it('needs the reasons and the authorising officer for a refusal', () => {
    const { refusalReasons: _r, authorisingOfficer: _o, ...answers } = refused;
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'refusalReasons', message: 'Enter the reasons for refusal' },
      { path: 'authorisingOfficer', message: 'Enter the name of the officer who authorised the refusal' },
    ]);
  });

  it('checks the document, the risk factors and the power against each other', () => {
    const answers = {
      ...granted,
      documentConcern: true,
      documentIssue: 'cocaine',
      documentNumber: 'AB-12',
      powerUsed: 'detention-pending-removal',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      {
        path: 'documentNumber',
        message: 'Document number must only include letters and numbers, and be 5 to 20 characters long',
      },
      { path: 'documentIssue', message: 'Select what is wrong with the document from the list' },
      { path: 'riskFactors', message: 'Select ‘Doubts about the travel document’ – you said you suspect the document' },
      {
        path: 'powerUsed',
        message: 'Select another power – detention pending removal can only follow a refusal of entry',
      },
    ]);
  });

  it('needs the decision after form IS81 was served, the flight for air passengers and no answers to hidden questions', () => {
    const { flightNumber: _f, ...answers } = {
      ...granted,
      decisionAt: '2026-04-12T13:30',
      vesselName: 'Pride of Kent',
      riskFactors: [],
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'flightNumber', message: 'Enter the flight number' },
      { path: 'vesselName', message: 'Vessel or service name must not be answered because the question is not shown' },
      { path: 'riskFactors', message: 'Select why the passenger was held for further examination' },
      { path: 'decisionAt', message: 'Date and time of the decision must be after form IS81 was served' },
    ]);
  });

  it('accepts every demo sample as submitted (two refusals, one on bail, one granted leave)', () => {
    const now = new Date();
    const samples = demoSamples(plugin, now).map((s) => s.answers);
    const results = samples.map((answers) => validateSubmission(form, answers, { ...options, now }));
    expect(results.map((r) => r.errors)).toEqual(samples.map(() => []));
    expect(results.map((r) => firstState(r.answers))).toEqual([
      'awaiting-authorisation',
      'awaiting-authorisation',
      'on-immigration-bail',
      'awaiting-review',
    ]);
  });

  it('keeps the examination and its decision in the read model, dated by the decision, and no name, document number or free text', () => {
    const def = readModelOf('refusal-of-entry', form, standardTerms)!;
    expect(def.timeField).toBe('decisionAt');
    expect(def.columns.map((c) => [c.field, c.type])).toEqual([
      ['nationality', 'text'],
      ['sex', 'text'],
      ['documentType', 'text'],
      ['issuingCountry', 'text'],
      ['documentIssue', 'text'],
      ['port', 'text'],
      ['transportMode', 'text'],
      ['arrivedAt', 'timestamptz'],
      ['team', 'text'],
      ['riskFactors', 'text[]'],
      ['powerUsed', 'text'],
      ['is81ServedAt', 'timestamptz'],
      ['interpreterLanguage', 'text'],
      ['outcome', 'text'],
      ['decisionAt', 'timestamptz'],
    ]);
  });
});
