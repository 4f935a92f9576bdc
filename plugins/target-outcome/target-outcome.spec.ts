import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('target-outcome.form.json');
const reference = seededReference;
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T20:00:00Z'), workflow: 'target-outcome' };

const positive = {
  targetReference: 'BF-20260412-17',
  outcomeDateTime: '2026-04-12T19:10',
  outcome: 'positive',
  linkedCase: 'BF-20260412-42',
  notes: '12 kg of cocaine found within the load.',
};

describe('target-outcome forms (real reference data)', () => {
  it.each(['target-outcome', 'correct-outcome'])('%s is a consistent form declaration', (id) => {
    expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
  });

  it('accepts a positive outcome linked to an event at the border, and a missed target with a reason', () => {
    expect(validateSubmission(form, positive, options).errors).toEqual([]);
    const missed = {
      targetReference: 'BF-20260412-18',
      outcomeDateTime: '2026-04-12T19:10',
      outcome: 'missed',
      reason: 'cleared-before-interception',
    };
    expect(validateSubmission(form, missed, options).errors).toEqual([]);
  });

  it('needs the linked event for a positive outcome', () => {
    expect(validateSubmission(form, { ...positive, linkedCase: undefined }, options).errors).toEqual([
      {
        path: 'linkedCase',
        message: 'Enter the event at the border reference – a positive outcome must have an event at the border',
      },
    ]);
    expect(validateSubmission(form, { ...positive, linkedCase: 'BF-2026-42' }, options).errors).toEqual([
      {
        path: 'linkedCase',
        message: 'Enter the event at the border reference in the correct format, like BF-20261124-17',
      },
    ]);
  });

  it('needs a reason when the target was not examined, and notes when the reason is other', () => {
    const base = { targetReference: 'BF-20260412-18', outcomeDateTime: '2026-04-12T19:10' };
    expect(
      validateSubmission(form, { ...base, outcome: 'no-show', linkedCase: 'BF-20260412-42' }, options).errors,
    ).toEqual([
      { path: 'reason', message: 'Select the reason' },
      {
        path: 'linkedCase',
        message: 'Event at the border reference must not be answered because the question is not shown',
      },
    ]);
    expect(
      validateSubmission(form, { ...base, outcome: 'insufficient-resources', reason: 'other' }, options).errors,
    ).toEqual([{ path: 'notes', message: 'Enter notes for the targeting hub explaining the reason' }]);
  });

  it('only takes Cerberus outcomes', () => {
    expect(
      validateSubmission(form, { ...positive, outcome: 'seizure', targetReference: 'T17' }, options).errors,
    ).toEqual([
      { path: 'targetReference', message: 'Enter a target reference in the correct format, like BF-20260412-17' },
      { path: 'outcome', message: 'Select an outcome from the list' },
      {
        path: 'linkedCase',
        message: 'Event at the border reference must not be answered because the question is not shown',
      },
    ]);
    expect(
      validateSubmission(load('correct-outcome.form.json'), { outcome: 'target-withdrawn' }, options).errors,
    ).toEqual([{ path: 'explanation', message: 'Enter what was wrong' }]);
  });

  it('keeps the outcome in the read model, dated by when it was recorded, with a correction winning', () => {
    const def = readModelOf('target-outcome', form, standardTerms, [load('correct-outcome.form.json')])!;
    // Recorded after its target was received, so a month's targets find their outcomes in a range of `at`.
    expect(def.timeField).toBeUndefined();
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['targetReference', 'text', false],
      ['outcomeDateTime', 'timestamptz', false],
      ['outcome', 'text', true],
      ['reason', 'text', false],
      ['linkedCase', 'text', false],
    ]);
    expect(def.groups).toEqual([]);
  });
});
