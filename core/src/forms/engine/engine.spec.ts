import { standardTerms } from '../../terms/standard-terms.js';
import {
  answerJsonSchema,
  checkFormDefinition,
  createReferenceLookup,
  nextPageId,
  normaliseTermValue,
  prefill,
  sectionStatuses,
  summarise,
  termValues,
  validatePage,
  validateSubmission,
  type FormDefinition,
} from './index.js';

const reference = createReferenceLookup({
  countries: [{ id: 'GB', label: 'United Kingdom' }],
  ports: [{ id: 'GBDOV', label: 'Dover' }],
  items: [{ id: 'cocaine', label: 'Cocaine' }],
  units: [{ id: 'kg', label: 'Kilograms' }],
});
const now = new Date('2026-04-12T12:00:00Z');
const opts = { terms: standardTerms, reference, now };

const form: FormDefinition = {
  id: 'sample',
  version: 1,
  title: 'Sample',
  type: 'wizard',
  pages: [
    {
      id: 'who',
      title: 'Who',
      components: [
        { name: 'familyName', term: 'person.familyName', required: true },
        { name: 'dateOfBirth', term: 'person.dateOfBirth' },
        { name: 'nationality', term: 'person.nationality' },
        { type: 'yes-no', name: 'hasVehicle', label: 'Was there a vehicle?', required: true },
      ],
    },
    {
      id: 'vehicle',
      title: 'Vehicle',
      show_when: { field: 'hasVehicle', eq: true },
      components: [
        { name: 'registration', term: 'vehicle.registration', required: true, prefill: { from: 'linked.vehicle' } },
      ],
    },
    {
      id: 'goods',
      title: 'Goods',
      components: [
        { type: 'date-time', name: 'seenAt', label: 'Seen at', prefill: { from: 'now' } },
        { name: 'port', term: 'location.port', prefill: { from: 'shift.location' } },
        { type: 'text', name: 'officer', label: 'Officer', prefill: { from: 'user.displayName' } },
        { type: 'date', name: 'reported', label: 'Reported', prefill: { from: 'today' } },
        {
          type: 'group',
          name: 'items',
          label: 'Items',
          components: [
            { name: 'item', term: 'goods.item', required: true },
            { name: 'quantity', term: 'goods.quantity', required: true },
          ],
        },
      ],
    },
  ],
};

describe('checkFormDefinition', () => {
  it('accepts a consistent form', () => {
    expect(checkFormDefinition(form, standardTerms)).toEqual([]);
  });

  it('names the field that contradicts its term', () => {
    const bad: FormDefinition = {
      ...form,
      pages: [
        {
          id: 'p',
          title: 'P',
          components: [
            { type: 'number', name: 'nat', term: 'person.nationality' },
            { type: 'select', name: 'port', term: 'location.port', reference: 'countries' },
            { type: 'text', name: 'who', term: 'person.unknown' },
          ],
        },
      ],
    };
    expect(checkFormDefinition(bad, standardTerms)).toEqual([
      {
        path: 'pages[0].components[0].type',
        message: 'Field "nat" has type "number" but term person.nationality needs one of: radios, select, autocomplete',
      },
      {
        path: 'pages[0].components[1].reference',
        message: 'Field "port" uses reference set "countries" but term location.port uses "ports"',
      },
      { path: 'pages[0].components[2].term', message: 'Field "who" uses unknown term "person.unknown"' },
    ]);
  });

  it('reports duplicates, unknown components, bad conditions and non-numeric calculations', () => {
    const bad = {
      id: 'Bad Id',
      version: 0,
      title: 'Bad',
      type: 'wizard',
      pages: [
        {
          id: 'p',
          title: 'P',
          components: [
            { type: 'text', name: 'a', label: 'A', show_when: { field: 'b', eq: 'x' } },
            { type: 'text', name: 'a', label: 'A again' },
            { type: 'slider', name: 'c', label: 'C' },
            { type: 'text', name: 'b', label: 'B', show_when: { field: 'nope', exists: true } },
            { type: 'calculated', name: 'sum', label: 'Sum', calculation: { op: 'sum', args: ['b'] } },
          ],
        },
      ],
    } as unknown as FormDefinition;
    expect(checkFormDefinition(bad, standardTerms)).toEqual([
      { path: 'id', message: 'Form id must be lower-case letters, digits and hyphens' },
      { path: 'version', message: 'Form version must be a whole number, 1 or more' },
      { path: 'pages[0].components[1].name', message: 'Duplicate field name "a"' },
      { path: 'pages[0].components[2].type', message: 'Unknown component type "slider"' },
      { path: 'pages[0].components[0].show_when.field', message: 'Refers to field "b" which comes later in the form' },
      { path: 'pages[0].components[3].show_when.field', message: 'Refers to unknown field "nope"' },
      {
        path: 'pages[0].components[4].calculation.args[0]',
        message: 'Calculation uses field "b" which is not numeric (it is text)',
      },
    ]);
  });
});

describe('summarise', () => {
  it('gives rows in order with display values, skipping hidden pages', () => {
    const answers = {
      familyName: 'Smith',
      dateOfBirth: '1985-03-27',
      nationality: 'GB',
      hasVehicle: false,
      seenAt: '2026-01-15T09:05',
      items: [{ item: 'cocaine', quantity: 2 }],
    };
    expect(summarise(form, answers, { terms: standardTerms, reference })).toEqual([
      { pageId: 'who', path: 'familyName', label: 'Family name', value: 'Smith', displayValue: 'Smith' },
      {
        pageId: 'who',
        path: 'dateOfBirth',
        label: 'Date of birth',
        value: '1985-03-27',
        displayValue: '27 March 1985',
      },
      { pageId: 'who', path: 'nationality', label: 'Nationality', value: 'GB', displayValue: 'United Kingdom' },
      { pageId: 'who', path: 'hasVehicle', label: 'Was there a vehicle?', value: false, displayValue: 'No' },
      {
        pageId: 'goods',
        path: 'seenAt',
        label: 'Seen at',
        value: '2026-01-15T09:05',
        displayValue: '15 January 2026 at 9:05am',
      },
      { pageId: 'goods', path: 'port', label: 'Port', value: undefined, displayValue: 'Not provided' },
      { pageId: 'goods', path: 'officer', label: 'Officer', value: undefined, displayValue: 'Not provided' },
      { pageId: 'goods', path: 'reported', label: 'Reported', value: undefined, displayValue: 'Not provided' },
      { pageId: 'goods', path: 'items[0].item', label: 'Item 1: Item', value: 'cocaine', displayValue: 'Cocaine' },
      { pageId: 'goods', path: 'items[0].quantity', label: 'Item 1: Quantity', value: 2, displayValue: '2' },
    ]);
  });
});

describe('termValues and normaliseTermValue', () => {
  it('lists every term-bound value with its normalised form, inside groups too', () => {
    const answers = {
      familyName: '  Van  Der Berg ',
      hasVehicle: true,
      registration: 'ab12 cde',
      items: [{ item: 'cocaine', quantity: 2 }],
    };
    expect(termValues(form, answers, standardTerms)).toEqual([
      { term: 'person.familyName', path: 'familyName', value: '  Van  Der Berg ', normalised: 'van der berg' },
      { term: 'vehicle.registration', path: 'registration', value: 'ab12 cde', normalised: 'AB12CDE' },
      { term: 'goods.item', path: 'items[0].item', value: 'cocaine', normalised: 'COCAINE' },
      { term: 'goods.quantity', path: 'items[0].quantity', value: 2, normalised: '2' },
    ]);
  });

  it.each([
    ['2026-04-12', '2026-04-12'],
    ['12/04/2026', '2026-04-12'],
    ['12-4-2026', '2026-04-12'],
    ['12 April 2026', '2026-04-12'],
    ['1st Feb 2024', '2024-02-01'],
    ['2026-04-12T10:00:00Z', '2026-04-12'],
    ['31/02/2026', undefined],
  ])('normalises date %s to %s', (input, expected) => {
    expect(normaliseTermValue(standardTerms['person.dateOfBirth']!, input)).toBe(expected);
  });

  it('normalises date parts and date-times', () => {
    expect(normaliseTermValue(standardTerms['person.dateOfBirth']!, { day: '3', month: '7', year: '1990' })).toBe(
      '1990-07-03',
    );
    expect(normaliseTermValue(standardTerms['event.dateTime']!, '2026-07-01T10:00')).toBe('2026-07-01T09:00:00.000Z');
    expect(normaliseTermValue(standardTerms['event.dateTime']!, '2026-01-15T10:00')).toBe('2026-01-15T10:00:00.000Z');
    expect(normaliseTermValue(standardTerms['trailer.registration']!, ' c 123 456 ')).toBe('C123456');
  });
});

describe('prefill', () => {
  it('fills unanswered fields from the context and keeps existing answers', () => {
    const result = prefill(
      form,
      {
        now,
        user: { displayName: 'Officer Jones' },
        shift: { location: 'GBDOV' },
        linked: { vehicle: 'AB12 CDE' },
      },
      standardTerms,
      { officer: 'Already set' },
    );
    expect(result).toEqual({
      officer: 'Already set',
      registration: 'AB12 CDE',
      seenAt: '2026-04-12T13:00',
      port: 'GBDOV',
      reported: '2026-04-12',
    });
  });
});

describe('navigation', () => {
  it('skips hidden pages and validates one page', () => {
    expect(nextPageId(form, 'who', { hasVehicle: false }, standardTerms)).toBe('goods');
    expect(nextPageId(form, 'who', { hasVehicle: true }, standardTerms)).toBe('vehicle');
    expect(nextPageId(form, 'goods', {}, standardTerms)).toBeUndefined();
    expect(validatePage(form, 'who', { hasVehicle: true }, opts)).toEqual([
      { path: 'familyName', message: 'Enter the family name' },
    ]);
  });

  it('reports task-list section progress', () => {
    const tasks: FormDefinition = {
      id: 'tasks',
      version: 1,
      title: 'Tasks',
      type: 'task-list',
      sections: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
        { id: 'c', title: 'C' },
      ],
      pages: [
        {
          id: 'pa',
          title: 'PA',
          section: 'a',
          components: [
            { name: 'familyName', term: 'person.familyName', required: true },
            { name: 'givenName', term: 'person.givenName', required: true },
          ],
        },
        { id: 'pb', title: 'PB', section: 'b', components: [{ name: 'port', term: 'location.port', required: true }] },
        {
          id: 'pc',
          title: 'PC',
          section: 'c',
          components: [{ name: 'vehicle', term: 'vehicle.registration', required: true }],
        },
      ],
    };
    expect(sectionStatuses(tasks, { familyName: 'Smith', port: 'GBDOV' }, opts).map((s) => s.status)).toEqual([
      'in-progress',
      'completed',
      'not-started',
    ]);
  });
});

describe('answerJsonSchema', () => {
  it('describes answers with terms, reference sets and conditional requirements', () => {
    const schema = answerJsonSchema(form, standardTerms) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(schema.required).toEqual(['familyName', 'hasVehicle']);
    expect(schema.properties.nationality).toEqual({
      title: 'Nationality',
      description: 'Start typing, then choose from the list',
      'x-term': 'person.nationality',
      type: 'string',
      maxLength: 10000,
      'x-reference-set': 'countries',
    });
    expect(schema.properties.dateOfBirth).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties.items).toMatchObject({
      type: 'array',
      maxItems: 200,
      items: { type: 'object', additionalProperties: false, required: ['item', 'quantity'] },
    });
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      additionalProperties: false,
    });
  });
});

describe('default messages for yes/no questions', () => {
  const question = (extra: Record<string, unknown>): FormDefinition => ({
    id: 'q',
    version: 1,
    title: 'Q',
    type: 'single',
    pages: [
      {
        id: 'p',
        title: 'P',
        components: [{ name: 'injured', type: 'yes-no', label: 'Was the person injured?', required: true, ...extra }],
      },
    ],
  });

  it('asks for yes or no rather than repeating the question', () => {
    expect(validateSubmission(question({}), {}, opts).errors).toEqual([
      { path: 'injured', message: 'Select yes or no' },
    ]);
  });

  it('uses the noun phrase when the form gives one', () => {
    expect(validateSubmission(question({ errorName: 'whether the person was injured' }), {}, opts).errors).toEqual([
      { path: 'injured', message: 'Select whether the person was injured' },
    ]);
  });
});
