import { NOW, type FormCase } from './case-types.js';

const base = { fullName: 'Sam Jones', colour: 'red', agreed: true };
const c = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'basics',
  answers,
  mode: 'submit',
  now: NOW,
  expectedErrors,
  ...extra,
});

/** Every component type, its defaults and GOV.UK-style messages. */
export const basicsCases: FormCase[] = [
  c('minimal valid answers', base, []),
  c(
    'every component answered',
    {
      ...base,
      email: 'sam@example.com',
      phone: '07700 900 982',
      age: 30,
      weight: 72.5,
      notes: 'short',
      code: 'ABC12',
      tags: ['a', 'c'],
      size: 's',
      startTime: '09:30',
      photo: { id: 'f-123', name: 'photo.jpg' },
    },
    [],
  ),
  c('nothing answered', {}, [
    { path: 'fullName', message: 'Enter full name' },
    { path: 'colour', message: 'Select a colour' },
    { path: 'agreed', message: 'Select whether you agree' },
  ]),
  c('blank text counts as not answered', { ...base, fullName: '   ' }, [
    { path: 'fullName', message: 'Enter full name' },
  ]),
  c('text over its maximum length', { ...base, fullName: 'x'.repeat(36) }, [
    { path: 'fullName', message: 'Full name must be 35 characters or less' },
  ]),
  c('text at its maximum length', { ...base, fullName: 'x'.repeat(35) }, []),
  c('text given as a number', { ...base, fullName: 42 }, [{ path: 'fullName', message: 'Full name must be text' }]),
  c('email in the wrong format', { ...base, email: 'sam.example.com' }, [
    { path: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
  ]),
  c('telephone number in the wrong format', { ...base, phone: 'call me' }, [
    { path: 'phone', message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
  ]),
  c('international telephone number', { ...base, phone: '+44 808 157 0192' }, []),
  c('number below the range', { ...base, age: 15 }, [{ path: 'age', message: 'Age must be between 16 and 99' }]),
  c('number above the range', { ...base, age: 100 }, [{ path: 'age', message: 'Age must be between 16 and 99' }]),
  c('number that must be whole', { ...base, age: 30.5 }, [{ path: 'age', message: 'Age must be a whole number' }]),
  c('number given as words', { ...base, age: 'thirty' }, [{ path: 'age', message: 'Age must be a number' }]),
  c('number typed as text is accepted', { ...base, age: '30' }, [], { expectedAnswers: { age: 30 } }),
  c('number with only a minimum', { ...base, weight: 0 }, [{ path: 'weight', message: 'Weight must be 0.1 or more' }]),
  c('number given as true', { ...base, weight: true }, [{ path: 'weight', message: 'Weight must be a number' }]),
  c('textarea over its maximum length', { ...base, notes: 'x'.repeat(21) }, [
    { path: 'notes', message: 'Notes must be 20 characters or less' },
  ]),
  c('pattern with a custom message', { ...base, code: 'abc12' }, [
    { path: 'code', message: 'Enter the code in the correct format, like ABC12' },
  ]),
  c('minimum length is checked before the pattern', { ...base, code: 'AB1' }, [
    { path: 'code', message: 'Code must be 5 characters or more' },
  ]),
  c('radios value not in the options', { ...base, colour: 'blue' }, [
    { path: 'colour', message: 'Select a colour from the list' },
  ]),
  c('checkboxes with a value not in the options', { ...base, tags: ['a', 'z'] }, [
    { path: 'tags', message: 'Select tags from the list' },
  ]),
  c('checkboxes given as text', { ...base, tags: 'a' }, [{ path: 'tags', message: 'Select tags from the list' }]),
  c('checkboxes with nothing ticked', { ...base, tags: [] }, []),
  c('checkboxes ticked twice are kept once', { ...base, tags: ['a', 'a', 'b'] }, [], {
    expectedAnswers: { tags: ['a', 'b'] },
  }),
  c('select value not in the options', { ...base, size: 'm' }, [
    { path: 'size', message: 'Select size from the list' },
  ]),
  c('yes/no given as something else', { ...base, agreed: 'maybe' }, [
    { path: 'agreed', message: 'Select whether you agree' },
  ]),
  c('yes/no given as "yes"', { ...base, agreed: 'yes' }, [], { expectedAnswers: { agreed: true } }),
  c('yes/no answered no', { ...base, agreed: false }, [], { expectedAnswers: { agreed: false } }),
  c('time that is not real', { ...base, startTime: '25:00' }, [
    { path: 'startTime', message: 'Start time must be a real time, like 14:30' },
  ]),
  c('time without a leading zero', { ...base, startTime: '9:30' }, [], { expectedAnswers: { startTime: '09:30' } }),
  c('file reference with a bad id', { ...base, photo: { id: 'bad id!', name: 'x.jpg' } }, [
    { path: 'photo', message: 'Photo must be an uploaded file' },
  ]),
  c('file reference given as text', { ...base, photo: 'f-123' }, [
    { path: 'photo', message: 'Photo must be an uploaded file' },
  ]),
  c('file reference with extra keys', { ...base, photo: { id: 'f-1', name: 'a.jpg', url: 'x' } }, [
    { path: 'photo', message: 'Photo must be an uploaded file' },
  ]),
  c('unknown field', { ...base, extra: 1 }, [{ path: 'extra', message: 'extra is not a question in this form' }]),
  c('a key named like an object property', { ...base, constructor: 'x' }, [
    { path: 'constructor', message: 'constructor is not a question in this form' },
  ]),
  c('answers that are a list', [base], [{ path: '', message: 'Answers must be an object' }]),
  c('answers nested too deeply', { ...base, extra: { a: { b: { c: { d: { e: {} } } } } } }, [
    { path: '', message: 'Answers are nested too deeply' },
  ]),
  c('string over the global cap', { ...base, email: `${'a'.repeat(10_000)}@example.com` }, [
    { path: 'email', message: 'Email address must be 10000 characters or less' },
  ]),
  c('surrounding spaces are trimmed', { ...base, fullName: '  Sam Jones ' }, [], {
    expectedAnswers: { fullName: 'Sam Jones' },
  }),
  c('null counts as not answered', { ...base, age: null }, []),
  c('draft with nothing answered', {}, [], { mode: 'draft' }),
  c('draft still rejects wrong types', { age: 'x' }, [{ path: 'age', message: 'Age must be a number' }], {
    mode: 'draft',
  }),
  c(
    'draft still rejects unknown fields',
    { surname: 'Jones' },
    [{ path: 'surname', message: 'surname is not a question in this form' }],
    { mode: 'draft' },
  ),
  c(
    'draft still rejects over-long text',
    { fullName: 'x'.repeat(36) },
    [{ path: 'fullName', message: 'Full name must be 35 characters or less' }],
    { mode: 'draft' },
  ),
];
