import { answerInstant } from '../../core/src/sdk/index.js';
import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { demoEvents } from './demo.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('event-at-border.form.json');
const reference = seededReference;
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T12:00:00Z'), workflow: 'event-at-border' };

const seizure = {
  eventDateTime: '2026-04-12T09:15',
  port: 'dover',
  terminal: 'Eastern Docks',
  transportMode: 'roro-accompanied-freight',
  outcome: 'seizure',
  items: [
    { item: 'cocaine', quantity: 12.5, unit: 'kg' },
    { item: 'cigarettes', quantity: 40000, unit: 'sticks' },
  ],
  concealmentMethod: 'within-load',
  detectionMethod: 'x-ray-freight',
  personsInvolved: true,
  persons: [{ givenName: 'Jan', familyName: 'de Vries', dateOfBirth: '1979-03-02', nationality: 'NLD' }],
  vehicleRegistration: 'AB12 CDE',
  targeted: true,
  targetReference: 'BF-20260412-17',
  summary: 'Tractor unit and trailer selected from a Cerberus target. Scanner image showed anomalies in the load.',
};

describe('event-at-border forms (real reference data)', () => {
  it.each(['event-at-border', 'information-request', 'information-reply', 'referral-outcome'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a freight seizure with items, a person and a linked target', () => {
    expect(validateSubmission(form, seizure, options).errors).toEqual([]);
  });

  it('rejects an unknown port code and a zero quantity', () => {
    const answers = { ...seizure, port: 'GBDOV', items: [{ item: 'drugs', quantity: 0, unit: 'kg' }] };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'port', message: 'Select a port from the list' },
      { path: 'items[0].quantity', message: 'Quantity must be more than 0 and no more than 100,000,000' },
    ]);
  });

  it('rejects a target outcome used as an event outcome, and needs the target reference when targeted', () => {
    const { items, concealmentMethod, detectionMethod, ...rest } = seizure;
    expect([items, concealmentMethod, detectionMethod]).toHaveLength(3);
    const answers = { ...rest, outcome: 'positive', targetReference: undefined };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'outcome', message: 'Select an outcome from the list' },
      { path: 'targetReference', message: 'Enter the linked target reference' },
    ]);
  });

  it('records the referral outcome, asking for the agency only when a partner adopted it', () => {
    const outcome = load('referral-outcome.form.json');
    expect(validateSubmission(outcome, { referralOutcome: 'adopted-by-partner' }, options).errors).toEqual([
      { path: 'partnerAgency', message: 'Enter the agency' },
    ]);
    expect(
      validateSubmission(outcome, { referralOutcome: 'no-further-action', partnerAgency: 'NCA' }, options).errors,
    ).toEqual([{ path: 'partnerAgency', message: 'Agency must not be answered because the question is not shown' }]);
  });

  it('stores UK wall-clock times as the right instant across the clock change', () => {
    expect(answerInstant('2026-04-12T09:15').toISOString()).toBe('2026-04-12T08:15:00.000Z');
    expect(answerInstant('2026-01-12T09:15').toISOString()).toBe('2026-01-12T09:15:00.000Z');
    expect(answerInstant('2026-04-12T09:15:00Z').toISOString()).toBe('2026-04-12T09:15:00.000Z');
  });
});

describe('event-at-border demo events', () => {
  it('are valid submissions of the start form', () => {
    const now = options.now;
    const errors = Array.from({ length: demoEvents.count }, (_, i) =>
      validateSubmission(form, demoEvents.answers(i, now), options),
    ).flatMap((r, i) => r.errors.map((e) => ({ sample: i, ...e })));
    expect(errors).toEqual([]);
  });
});
