import { NOW, type FormCase } from './case-types.js';

const car = { registration: 'AB12 CDE', hasTrailer: false };
const base = { vehicles: [car] };
const cocaine = { item: 'cocaine', quantity: 2, unit: 'kg' };
const c = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'groups',
  answers,
  mode: 'submit',
  now: NOW,
  expectedErrors,
  ...extra,
});

/** Repeating groups: item counts, paths like items[1].quantity, conditions and rules per item. */
export const groupCases: FormCase[] = [
  c('one vehicle', base, []),
  c('group not answered', {}, [{ path: 'vehicles', message: 'Add at least 1 vehicle' }]),
  c('group with no items', { vehicles: [] }, [{ path: 'vehicles', message: 'Add at least 1 vehicle' }]),
  c('group with too many items', { vehicles: [car, car, car, car] }, [
    { path: 'vehicles', message: 'You can only add up to 3 vehicles' },
  ]),
  c('empty item', { vehicles: [{}] }, [
    { path: 'vehicles[0].registration', message: 'Enter the vehicle registration' },
    { path: 'vehicles[0].hasTrailer', message: 'Select whether it was towing a trailer' },
  ]),
  c('condition inside the second item', { vehicles: [car, { registration: 'XY99 ZZZ', hasTrailer: true }] }, [
    { path: 'vehicles[1].trailer', message: 'Enter the trailer registration' },
  ]),
  c('hidden question inside an item', { vehicles: [{ ...car, trailer: 'C123456' }] }, [
    {
      path: 'vehicles[0].trailer',
      message: 'Trailer registration must not be answered because the question is not shown',
    },
  ]),
  c('group given as text', { vehicles: 'AB12 CDE' }, [
    { path: 'vehicles', message: 'Vehicles must be a list of vehicles' },
  ]),
  c('item given as text', { vehicles: ['AB12 CDE'] }, [
    { path: 'vehicles[0]', message: 'Vehicle 1 must be a set of answers' },
  ]),
  c('unknown field inside an item', { vehicles: [{ ...car, colour: 'red' }] }, [
    { path: 'vehicles[0].colour', message: 'vehicles[0].colour is not a question in this form' },
  ]),
  c('items with reference data', { ...base, items: [cocaine] }, []),
  c('quantity out of range in the second item', { ...base, items: [cocaine, { ...cocaine, quantity: 0 }] }, [
    { path: 'items[1].quantity', message: 'Quantity must be more than 0 and no more than 100,000,000' },
  ]),
  c('item limited to another workflow', { ...base, items: [{ ...cocaine, item: 'cash-gbp' }] }, [
    { path: 'items[0].item', message: 'Select an item from the list' },
  ]),
  c('item valid for the workflow given', { ...base, items: [{ ...cocaine, item: 'cash-gbp' }] }, [], {
    options: { workflow: 'cash-seizure' },
  }),
  c('retired item', { ...base, items: [{ ...cocaine, item: 'mephedrone-old' }] }, [
    { path: 'items[0].item', message: 'That item is no longer in use – select another item' },
  ]),
  c('too many items', { ...base, items: [cocaine, cocaine, cocaine] }, [
    { path: 'items', message: 'You can only add up to 2 items' },
  ]),
  c('rule inside an item', { ...base, items: [cocaine, { item: 'cigarettes', quantity: 20_000, unit: 'sticks' }] }, [
    { path: 'items[1].quantity', message: 'Quantity of sticks must be 10,000 or less' },
  ]),
  c('rule inside an item holds', { ...base, items: [{ item: 'cigarettes', quantity: 200, unit: 'sticks' }] }, []),
  c(
    'rules are not checked on drafts',
    { ...base, items: [{ item: 'cigarettes', quantity: 20_000, unit: 'sticks' }] },
    [],
    { mode: 'draft' },
  ),
  c(
    'rule skipped when its field is wrong',
    { ...base, items: [{ item: 'cigarettes', quantity: 'x', unit: 'sticks' }] },
    [{ path: 'items[0].quantity', message: 'Quantity must be a number' }],
  ),
  c('draft with no items', { vehicles: [] }, [], { mode: 'draft' }),
  c(
    'draft with too many items',
    { vehicles: [car, car, car, car] },
    [{ path: 'vehicles', message: 'You can only add up to 3 vehicles' }],
    { mode: 'draft' },
  ),
  c('nesting too deep inside an item', { vehicles: [{ registration: { a: { b: { c: { d: 1 } } } } }] }, [
    { path: '', message: 'Answers are nested too deeply' },
  ]),
  c('object where text is expected inside an item', { vehicles: [{ registration: { a: 1 }, hasTrailer: false }] }, [
    { path: 'vehicles[0].registration', message: 'Vehicle registration must be text' },
  ]),
];
