import { createReferenceLookup, standardTerms, type FormDefinition } from '../../../core/forms/engine';
import {
  answersToSend,
  datePartsError,
  fieldId,
  indexForm,
  isShown,
  joinDate,
  locateErrors,
  rootEnv,
  splitDate,
  validateForShell,
  writePath,
} from './form-logic';
import { FormState } from './form-state';

const form: FormDefinition = {
  id: 'test-form',
  version: 1,
  title: 'Test form',
  type: 'wizard',
  pages: [
    {
      id: 'person',
      title: 'The person',
      components: [
        { name: 'dob', term: 'person.dateOfBirth', required: true },
        { type: 'yes-no', name: 'hasVehicle', label: 'Was there a vehicle?', required: true },
        {
          name: 'registration',
          term: 'vehicle.registration',
          required: true,
          show_when: { field: 'hasVehicle', eq: true },
        },
        { type: 'paragraph', text: 'Only with a vehicle', show_when: { field: 'hasVehicle', eq: true } },
      ],
    },
    {
      id: 'items',
      title: 'Items',
      components: [
        {
          type: 'group',
          name: 'items',
          label: 'Items',
          itemName: 'item',
          itemsName: 'items',
          minItems: 1,
          components: [
            { type: 'number', name: 'quantity', label: 'Quantity', required: true },
            { type: 'date', name: 'seizedOn', label: 'Date seized' },
          ],
        },
        { type: 'calculated', name: 'total', label: 'Total', calculation: { op: 'sum', args: ['items[].quantity'] } },
      ],
    },
  ],
};
const options = {
  terms: standardTerms,
  reference: createReferenceLookup({}),
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'test-form',
};

describe('date inputs', () => {
  it('joins day, month and year into yyyy-mm-dd, padding single digits', () => {
    expect(joinDate({ day: '3', month: '7', year: '1985' }, false)).toBe('1985-07-03');
    expect(joinDate({ day: '3', month: '7', year: '2026', time: '9:30' }, true)).toBe('2026-07-03T09:30');
    expect(joinDate({ day: '3', month: '', year: '1985' }, false)).toBeUndefined();
  });

  it('splits stored answers back into parts', () => {
    expect(splitDate('1985-07-03', false)).toEqual({ day: '3', month: '7', year: '1985' });
    expect(splitDate('2026-04-12T14:30', true)).toEqual({ day: '12', month: '4', year: '2026', time: '14:30' });
    expect(splitDate(undefined, false)).toEqual({ day: '', month: '', year: '' });
  });

  it('gives GOV.UK messages for missing parts and short years', () => {
    expect(datePartsError({ day: '3', month: '', year: '1985' }, false, 'the date of birth')).toBe(
      'Date of birth must include a month',
    );
    expect(datePartsError({ day: '', month: '', year: '1985' }, false, 'the date of birth')).toBe(
      'Date of birth must include a day and month',
    );
    expect(datePartsError({ day: '3', month: '4', year: '', time: '' }, true, 'the date and time of the event')).toBe(
      'Date and time of the event must include a year and time',
    );
    expect(datePartsError({ day: '3', month: '4', year: '85' }, false, 'the date of birth')).toBe(
      'Year must include 4 numbers',
    );
    expect(datePartsError({ day: '', month: '', year: '' }, false, 'the date of birth')).toBeNull();
  });

  it('puts the part message in place of the engine message, and the engine decides real dates', () => {
    const missing = validateForShell(
      form,
      { hasVehicle: false },
      { dob: { day: '3', month: '', year: '1985' } },
      { ...options, mode: 'submit', pageId: 'person' },
    );
    expect(missing.errors).toEqual([{ path: 'dob', message: 'Date of birth must include a month' }]);
    const unreal = validateForShell(
      form,
      { hasVehicle: false },
      { dob: { day: '31', month: '2', year: '1985' } },
      { ...options, mode: 'submit', pageId: 'person' },
    );
    expect(unreal.errors).toEqual([{ path: 'dob', message: 'Date of birth must be a real date' }]);
    const fine = validateForShell(
      form,
      { hasVehicle: false },
      { dob: { day: '3', month: '7', year: '1985' } },
      { ...options, mode: 'submit', pageId: 'person' },
    );
    expect(fine.errors).toEqual([]);
    expect(fine.sent['dob']).toBe('1985-07-03');
  });

  it('checks date parts inside group items by path', () => {
    const answers = { hasVehicle: false, dob: '1985-07-03', items: [{ quantity: '2' }] };
    const result = validateForShell(
      form,
      answers,
      { 'items[0].seizedOn': { day: '1', month: '', year: '' } },
      { ...options, mode: 'submit', pageId: 'items' },
    );
    expect(result.errors).toEqual([
      { path: 'items[0].seizedOn', message: 'Date seized must include a month and year' },
    ]);
  });
});

describe('conditions', () => {
  it('shows a conditional question and content block only when the condition holds, read from cleaned answers', () => {
    const index = indexForm(form, standardTerms);
    const [, , registration, paragraph] = form.pages[0]!.components;
    expect(isShown(index, registration!, rootEnv({ hasVehicle: true }))).toBe(true);
    expect(isShown(index, paragraph!, rootEnv({ hasVehicle: true }))).toBe(true);
    expect(isShown(index, registration!, rootEnv({ hasVehicle: false }))).toBe(false);
    expect(isShown(index, paragraph!, rootEnv({}))).toBe(false);
  });

  it('leaves out answers to questions no longer shown, so they are not reported as hidden', () => {
    const answers = { dob: '1985-07-03', hasVehicle: false, registration: 'AB12 CDE' };
    expect(answersToSend(form, answers, {}, options)).toEqual({ dob: '1985-07-03', hasVehicle: false });
    expect(validateForShell(form, answers, {}, { ...options, mode: 'submit', pageId: 'person' }).errors).toEqual([]);
  });
});

describe('repeating groups', () => {
  it('writes answers inside items, creating the list and items', () => {
    expect(writePath({}, 'items[1].quantity', 3)).toEqual({ items: [undefined, { quantity: 3 }] });
    expect(writePath({ items: [{ quantity: 1 }] }, 'items[0].quantity', undefined)).toEqual({ items: [{}] });
  });

  it('reports item errors by zero-based path and computes calculated fields live', () => {
    const state = new FormState();
    state.form.set(form);
    state.workflow.set('test-form');
    state.addItem('items');
    state.addItem('items');
    state.setValue('items[0].quantity', '2');
    state.setValue('items[1].quantity', 'lots');
    expect(state.cleanedValue('total')).toBe(2);
    const result = validateForShell(form, state.answers(), state.parts(), {
      ...options,
      mode: 'submit',
      pageId: 'items',
    });
    expect(result.errors).toEqual([{ path: 'items[1].quantity', message: 'Quantity must be a number' }]);
  });

  it('moves date parts and errors of later items up when an item is removed', () => {
    const state = new FormState();
    state.form.set(form);
    for (let i = 0; i < 3; i++) state.addItem('items');
    state.setDatePart('items[2].seizedOn', 'day', '5', false);
    state.errors.set(
      locateErrors(form, standardTerms, [
        { path: 'items[2].quantity', message: 'Enter quantity' },
        { path: 'items[1].quantity', message: 'Gone' },
      ]),
    );
    state.removeItem('items', 1);
    expect(state.items('items')).toHaveLength(2);
    expect(Object.keys(state.parts())).toEqual(['items[1].seizedOn']);
    expect(state.errors().map((e) => [e.path, e.fieldId])).toEqual([['items[1].quantity', 'f-items-1-quantity']]);
  });
});

describe('errors from the server', () => {
  it('maps paths to pages and input ids; non-question paths link nowhere', () => {
    const located = locateErrors(form, standardTerms, [
      { path: 'registration', message: 'Enter the vehicle registration' },
      { path: 'items[1].quantity', message: 'Quantity must be a number' },
      { path: 'items', message: 'Add at least 1 items' },
      { path: 'dob', message: 'Date of birth must be in the past' },
      { path: 'linkedTo[0]', message: 'There is no case BF-1 that you can see' },
      { path: '', message: 'Answers must be an object' },
    ]);
    expect(located.map((e) => [e.path, e.pageId, e.fieldId])).toEqual([
      ['registration', 'person', 'f-registration'],
      ['items[1].quantity', 'items', 'f-items-1-quantity'],
      ['items', 'items', 'f-items-add'],
      ['dob', 'person', 'f-dob-day'],
      ['linkedTo[0]', undefined, ''],
      ['', undefined, ''],
    ]);
    expect(fieldId('items[10].seizedOn')).toBe('f-items-10-seizedOn');
  });
});

describe('a postcode in the shell', () => {
  const postcodeForm: FormDefinition = {
    id: 'consignee',
    version: 1,
    title: 'Consignee',
    type: 'single',
    pages: [
      { id: 'address', title: 'Address', components: [{ name: 'postcode', term: 'address.postcode', required: true }] },
    ],
  };

  it('is checked and spelt as the core keeps it: CT16 1JA for ct161ja, the same message for a wrong one', () => {
    const check = (postcode: string) =>
      validateForShell(postcodeForm, { postcode }, {}, { ...options, mode: 'submit', pageId: 'address' });
    const fine = check('ct161ja');
    expect(fine.errors).toEqual([]);
    expect(fine.answers['postcode']).toBe('CT16 1JA');
    expect(check('CT16 1CA').errors).toEqual([
      { path: 'postcode', message: 'Enter a real UK postcode, like CT16 1JA' },
    ]);
  });
});
