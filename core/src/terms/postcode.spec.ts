import {
  answerJsonSchema,
  canonicalTermValue,
  createReferenceLookup,
  summarise,
  termValues,
  validateDraft,
  validateSubmission,
  type FormDefinition,
} from '../forms/engine/index.js';
import { standardTerms } from './standard-terms.js';

const term = standardTerms['address.postcode']!;
const form: FormDefinition = {
  id: 'consignee',
  version: 1,
  title: 'Consignee',
  type: 'single',
  pages: [
    {
      id: 'address',
      title: 'Address',
      components: [
        { name: 'postcode', term: 'address.postcode', required: true },
        { type: 'group', name: 'stops', label: 'Stops', components: [{ name: 'postcode', term: 'address.postcode' }] },
      ],
    },
  ],
};
const opts = { terms: standardTerms, reference: createReferenceLookup({}), now: new Date('2026-11-20T12:00:00Z') };
const submit = (postcode: unknown) => validateSubmission(form, { postcode }, opts);

describe('the UK postcode term (address.postcode)', () => {
  it.each([
    ['ct16 1ja', 'CT16 1JA'],
    ['ct161ja', 'CT16 1JA'],
    ['  Ct16   1jA ', 'CT16 1JA'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['w1a 0ax', 'W1A 0AX'],
    ['m1 1ae', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['cr2 6xh', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['gir0aa', 'GIR 0AA'],
    ['GIR 0AA', 'GIR 0AA'],
    ['bfpo 801', 'BFPO 801'],
    ['BFPO1', 'BFPO 1'],
    ['bfpo  1234', 'BFPO 1234'],
  ])('keeps %j as %j', (typed, kept) => {
    const result = submit(typed);
    expect(result.errors).toEqual([]);
    expect(result.answers.postcode).toBe(kept);
  });

  it.each([
    'CT16',
    '1JA',
    'CT16 1J',
    'CT16 1JAA',
    'CT16 1CA', // C is never in the inward code
    'QT16 1JA', // Q never starts one
    'CI16 1JA', // nor is I a second letter
    'C-T16 1JA',
    'BFPO 12345',
    'BFPO',
    'GIR 0AB',
    'ABCDEFGHIJK',
    'ZZ99 9ZZ 1',
  ])('refuses %j with a message for the officer, storing nothing', (typed) => {
    const result = submit(typed);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ path: 'postcode', message: 'Enter a real UK postcode, like CT16 1JA' }]);
  });

  it('asks for a missing postcode in GOV.UK words', () => {
    expect(submit('').errors).toEqual([{ path: 'postcode', message: 'Enter the postcode' }]);
  });

  it('keeps the canonical form in repeating groups and drafts too, as the shell validates with the same engine', () => {
    const result = validateSubmission(form, { postcode: 'ct16 1ja', stops: [{ postcode: 'me46 7ya' }] }, opts);
    expect(result.answers).toEqual({ postcode: 'CT16 1JA', stops: [{ postcode: 'ME46 7YA' }] });
    expect(validateDraft(form, { postcode: 'ct161ja' }, opts).answers.postcode).toBe('CT16 1JA');
    // Check your answers (the shell's summary of the cleaned answers) shows what will be kept.
    expect(summarise(form, result.answers, opts)[0]).toMatchObject({ label: 'Postcode', displayValue: 'CT16 1JA' });
  });

  it('indexes the postcode without spaces, so a search by ct161ja or CT16 1JA finds it', () => {
    const result = submit('ct16 1ja');
    expect(termValues(form, result.answers, standardTerms)).toEqual([
      { term: 'address.postcode', path: 'postcode', value: 'CT16 1JA', normalised: 'CT161JA' },
    ]);
  });

  it('leaves the text of other terms as typed', () => {
    expect(canonicalTermValue(standardTerms['vehicle.registration'], 'ab12 cde')).toBe('ab12 cde');
    expect(canonicalTermValue(undefined, 'ct161ja')).toBe('ct161ja');
    expect(canonicalTermValue(term, 'ct161ja')).toBe('CT16 1JA');
  });

  it('names the rule in the answers’ JSON Schema instead of a pattern the answer as sent need not match', () => {
    const schema = answerJsonSchema(form, standardTerms) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.postcode).toMatchObject({ type: 'string', maxLength: 10, 'x-canonical': 'uk-postcode' });
    expect(schema.properties.postcode).not.toHaveProperty('pattern');
  });
});
