import { readFileSync } from 'node:fs';
import {
  checkFormDefinition,
  createReferenceLookup,
  termValues,
  validateDraft,
  validateSubmission,
  type FormDefinition,
} from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { referenceFixture } from '../../test/forms/fixtures/reference-data.js';

const form = JSON.parse(
  readFileSync(new URL('./forms/event-at-border.form.json', import.meta.url), 'utf8'),
) as FormDefinition;
const options = {
  terms: standardTerms,
  reference: createReferenceLookup(referenceFixture),
  now: new Date('2026-04-12T12:00:00Z'),
};

const negative = {
  eventDateTime: '2026-04-12T09:15',
  port: 'GBDOV',
  transportMode: 'roro-tourist',
  outcome: 'negative',
  personsInvolved: false,
  targeted: false,
  summary: 'Car examined at the Eastern Docks, nothing found.',
};
const seizure = {
  ...negative,
  outcome: 'seizure',
  items: [
    { item: 'cocaine', quantity: 1.2, unit: 'kg' },
    { item: 'cigarettes', quantity: 4000, unit: 'sticks' },
  ],
  concealmentMethod: 'false-compartment',
  detectionMethod: 'detector-dog',
  personsInvolved: true,
  persons: [{ givenName: 'Anna', familyName: 'Kowalska', dateOfBirth: '1990-05-01', nationality: 'NL' }],
  vehicleRegistration: 'ab12 cde',
  targeted: true,
  targetReference: 'BF-20260412-17',
};

describe('event-at-border form', () => {
  it('is a consistent form declaration', () => {
    expect(checkFormDefinition(form, standardTerms)).toEqual([]);
    expect(form).toMatchObject({ id: 'event-at-border', version: 2, type: 'wizard' });
  });

  it('accepts a negative outcome without the seizure section', () => {
    expect(validateSubmission(form, negative, options)).toMatchObject({ valid: true, errors: [] });
  });

  it('accepts a seizure with items, people, vehicle and linked target, and indexes its terms', () => {
    const result = validateSubmission(form, seizure, options);
    expect(result.errors).toEqual([]);
    const indexed = termValues(form, result.answers, standardTerms).map((t) => `${t.path}=${t.normalised}`);
    expect(indexed).toEqual(
      expect.arrayContaining([
        'vehicleRegistration=AB12CDE',
        'persons[0].familyName=kowalska',
        'persons[0].dateOfBirth=1990-05-01',
        'items[1].item=CIGARETTES',
        'targetReference=BF-20260412-17',
        'eventDateTime=2026-04-12T08:15:00.000Z',
      ]),
    );
  });

  it('needs the seizure section when the outcome is a seizure', () => {
    expect(validateSubmission(form, { ...negative, outcome: 'seizure' }, options).errors).toEqual([
      { path: 'items', message: 'Add at least one item seized' },
      { path: 'concealmentMethod', message: 'Select how the items were concealed' },
      { path: 'detectionMethod', message: 'Select how the items were detected' },
    ]);
  });

  it('rejects seizure answers on a negative outcome', () => {
    expect(validateSubmission(form, { ...seizure, outcome: 'no-show' }, options).errors).toEqual([
      { path: 'items', message: 'Items seized must not be answered because the question is not shown' },
      {
        path: 'concealmentMethod',
        message: 'Concealment method must not be answered because the question is not shown',
      },
      { path: 'detectionMethod', message: 'Detection method must not be answered because the question is not shown' },
    ]);
  });

  it('drops seizure answers from a draft once the outcome changes', () => {
    const result = validateDraft(form, { ...seizure, outcome: 'no-show' }, options);
    expect(result.errors).toEqual([]);
    expect(result.answers).not.toHaveProperty('items');
  });

  it('limits items to 50 and checks each one', () => {
    const many = Array.from({ length: 51 }, () => ({ item: 'cocaine', quantity: 1, unit: 'kg' }));
    expect(validateSubmission(form, { ...seizure, items: many }, options).errors).toEqual([
      { path: 'items', message: 'You can add up to 50 items – record the rest in the event summary' },
    ]);
    expect(
      validateSubmission(form, { ...seizure, items: [seizure.items[0], { item: 'cash-gbp', quantity: -1 }] }, options)
        .errors,
    ).toEqual([
      { path: 'items[1].item', message: 'Select an item from the list' },
      { path: 'items[1].quantity', message: 'Quantity must be more than 0 and no more than 100,000,000' },
      { path: 'items[1].unit', message: 'Select the unit' },
    ]);
  });

  it('checks the people involved', () => {
    const persons = [{ givenName: 'Anna', familyName: '', dateOfBirth: '2027-01-01', nationality: 'XX' }];
    expect(validateSubmission(form, { ...seizure, persons }, options).errors).toEqual([
      { path: 'persons[0].familyName', message: 'Enter the family name' },
      { path: 'persons[0].dateOfBirth', message: 'Date of birth must be in the past' },
      { path: 'persons[0].nationality', message: 'Select a nationality from the list' },
    ]);
  });

  it('rejects an outcome from another workflow, a future event and a bad target reference', () => {
    const answers = {
      ...negative,
      outcome: 'missed',
      eventDateTime: '2026-04-12T15:00',
      targeted: true,
      targetReference: 'BF17',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'eventDateTime', message: 'Date and time of the event must be in the past' },
      { path: 'outcome', message: 'Select an outcome from the list' },
      {
        path: 'targetReference',
        message: 'Enter the linked target reference in the correct format, like BF-20260412-17',
      },
    ]);
  });

  it('rejects unknown fields and wrong types even in a draft', () => {
    expect(validateDraft(form, { port: ['GBDOV'], seizedBy: 'me' }, options).errors).toEqual([
      { path: 'seizedBy', message: 'seizedBy is not a question in this form' },
      { path: 'port', message: 'Select a port from the list' },
    ]);
  });
});
