import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin, { CASH_TEAM } from './plugin.js';
import { demoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('cash-seizure.form.json');
const reference = seededReference;
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T12:00:00Z'), workflow: 'cash-seizure' };

function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const seizure = {
  detectedAt: '2026-04-12T08:45',
  port: 'stansted',
  team: 'stansted-arrivals-team-1',
  transportMode: 'air-passenger',
  detectionMethod: 'x-ray-baggage',
  concealmentMethod: 'baggage-false-compartment',
  givenName: 'Kemal',
  familyName: 'Demir',
  dateOfBirth: '1979-05-30',
  nationality: 'TUR',
  documentType: 'passport',
  documentNumber: 'U12345678',
  amounts: [
    { currency: 'cash-euro', amount: 15000, sterlingValue: 12750.4 },
    { currency: 'cash-sterling', amount: 2400, sterlingValue: 2400 },
    { currency: 'cash-other-currency', otherCurrency: 'Turkish lira', amount: 20000, sterlingValue: 455.25 },
  ],
  reasons: ['not-declared', 'concealed', 'packaging'],
  reasonDetails:
    'Vacuum-sealed bundles in the lining of a suitcase. Said the money was savings but could not say where it was kept.',
  detentionDecision: 'detained',
  sealedBagNumbers: 'BF1234567, BF1234568',
  noticeServed: true,
};

const returned = {
  ...seizure,
  amounts: [{ currency: 'cash-sterling', amount: 800, sterlingValue: 800 }],
  reasons: ['account-inconsistent'],
  detentionDecision: 'returned',
  sealedBagNumbers: undefined,
  noticeServed: undefined,
  returnReason: 'Below the seizure threshold. Account later confirmed by the bank statement shown.',
};

describe('cash-seizure forms (real reference data)', () => {
  it.each(['cash-seizure', 'detention-order', 'cash-outcome'])('%s is a consistent form declaration', (id) => {
    expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
  });

  it('totals the cash in sterling and sends a detention over the threshold to the cash team', () => {
    const result = validateSubmission(form, seizure, options);
    expect(result.errors).toEqual([]);
    expect(result.answers.totalSterling).toBe(15605.65);
    expect(firstState(result.answers)).toBe('with-cash-team');
    expect(plugin.workflow!.states.find((s) => s.id === 'with-cash-team')!.tasks![0]).toMatchObject({
      team: CASH_TEAM,
      priority: 'urgent',
    });
    expect(CASH_TEAM).toBe('cash-team-south-east');
  });

  it('accepts cash returned to the person, which the manager reviews', () => {
    const result = validateSubmission(form, returned, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-review');
  });

  it('refuses a detention below £1,000', () => {
    const answers = { ...seizure, amounts: [{ currency: 'cash-us-dollar', amount: 1200, sterlingValue: 950 }] };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      {
        path: 'detentionDecision',
        message:
          'You can only seize cash of £1,000 or more – check the amounts, or select ‘Returned the cash to the person’',
      },
    ]);
  });

  it('only accepts currencies flagged for cash seizures, and checks each line', () => {
    const answers = {
      ...seizure,
      amounts: [
        { currency: 'cocaine', amount: 2, sterlingValue: 80000 },
        { currency: 'cash-sterling', amount: 5000, sterlingValue: 4999 },
        { currency: 'cash-other-currency', amount: 0, sterlingValue: 10 },
      ],
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'amounts[0].currency', message: 'Select a currency from the list' },
      {
        path: 'amounts[1].sterlingValue',
        message: 'Value in pounds sterling must be the same as the amount for sterling',
      },
      { path: 'amounts[2].otherCurrency', message: 'Enter which currency' },
      { path: 'amounts[2].amount', message: 'Amount must be more than 0 and no more than 100,000,000' },
    ]);
  });

  it('needs the seizure details for detained cash, and none for returned cash', () => {
    const { sealedBagNumbers: _b, ...answers } = { ...seizure, reasons: [], returnReason: 'Not needed' };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'reasons', message: 'Select why you suspect the cash is linked to crime' },
      { path: 'sealedBagNumbers', message: 'Enter the sealed evidence bag numbers' },
      {
        path: 'returnReason',
        message: 'Why you returned the cash must not be answered because the question is not shown',
      },
    ]);
  });

  it('accepts every demo sample as submitted (two seizures for the cash team, two returns for review)', () => {
    const now = new Date();
    const samples = demoSamples(plugin, now).map((s) => s.answers);
    const results = samples.map((answers) => validateSubmission(form, answers, { ...options, now }));
    expect(results.map((r) => r.errors)).toEqual(samples.map(() => []));
    expect(results.map((r) => firstState(r.answers))).toEqual([
      'with-cash-team',
      'with-cash-team',
      'awaiting-review',
      'awaiting-review',
    ]);
  });

  it('keeps the detection, its total and its cash by currency in the read model, and not the person', () => {
    const def = readModelOf('cash-seizure', form, standardTerms)!;
    expect(def.timeField).toBe('detectedAt');
    expect(def.columns.map((c) => [c.field, c.type])).toEqual([
      ['detectedAt', 'timestamptz'],
      ['port', 'text'],
      ['team', 'text'],
      ['transportMode', 'text'],
      ['detectionMethod', 'text'],
      ['concealmentMethod', 'text'],
      ['nationality', 'text'],
      ['totalSterling', 'numeric'],
      ['reasons', 'text[]'],
      ['detentionDecision', 'text'],
    ]);
    expect(def.groups.map((g) => [g.field, g.columns.map((c) => [c.field, c.type])])).toEqual([
      [
        'amounts',
        [
          ['currency', 'text'],
          ['otherCurrency', 'text'],
          ['amount', 'numeric'],
          ['sterlingValue', 'numeric'],
        ],
      ],
    ]);
  });
});
