import { NOW, type FormCase } from './case-types.js';

const base = { officerName: 'Sam Jones', email: 'sam@example.com' };
const prefilled = { officerName: 'Sam Jones', username: 'SJones' };
const c = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'parity',
  answers,
  mode: 'submit',
  now: NOW,
  options: { prefilled },
  expectedErrors,
  ...extra,
});

/** Read-only questions, formats applied on submit, and hidden pre-filled answers. */
export const parityCases: FormCase[] = [
  c('read-only answers left out are filled in from the pre-fill', { email: 'sam@example.com' }, [], {
    expectedAnswers: { officerName: 'Sam Jones', username: 'sjones' },
  }),
  c('read-only answer sent unchanged', { ...base, username: 'SJones' }, [], {
    expectedAnswers: { officerName: 'Sam Jones', username: 'sjones' },
  }),
  c('read-only answer sent as the shell formats it', { ...base, username: '  sjones ' }, [], {
    expectedAnswers: { username: 'sjones' },
  }),
  c('read-only answer changed', { ...base, officerName: 'Alex Smith' }, [
    { path: 'officerName', message: 'You cannot change your name' },
  ]),
  c(
    'read-only answer changed in a draft',
    { officerName: 'Alex Smith' },
    [{ path: 'officerName', message: 'You cannot change your name' }],
    { mode: 'draft' },
  ),
  c('read-only answer of the wrong type', { ...base, officerName: 42 }, [
    { path: 'officerName', message: 'You cannot change your name' },
  ]),
  c(
    'read-only question whose source gave nothing: required, and an answer is refused',
    { email: 'sam@example.com', username: 'sjones' },
    [
      { path: 'officerName', message: 'Enter your name' },
      { path: 'username', message: 'You cannot change your user name' },
    ],
    { options: { prefilled: {} } },
  ),
  c(
    'read-only answers are checked like any other when the pre-fill is not known',
    { ...base, officerName: 'Alex Smith', username: 'AJ' },
    [],
    { options: {}, expectedAnswers: { officerName: 'Alex Smith', username: 'aj' } },
  ),
  c('email formatted to lower case', { ...base, email: ' Sam.Jones@Example.GOV.UK ' }, [], {
    expectedAnswers: { email: 'sam.jones@example.gov.uk' },
  }),
  c('postcode formatted before its pattern is checked', { ...base, postcode: 'ct161ja' }, [], {
    expectedAnswers: { postcode: 'CT16 1JA' },
  }),
  c('postcode with odd spacing formatted', { ...base, postcode: 'Ct16   1jA' }, [], {
    expectedAnswers: { postcode: 'CT16 1JA' },
  }),
  c('postcode that is not one still fails its pattern', { ...base, postcode: 'not a postcode' }, [
    { path: 'postcode', message: 'Enter postcode in the correct format' },
  ]),
  c('registration formatted: upper case without spaces', { ...base, registration: 'ab12 cde' }, [], {
    expectedAnswers: { registration: 'AB12CDE' },
  }),
  c('registration length checked on the formatted answer', { ...base, registration: 'ab12  cdef' }, [
    { path: 'registration', message: 'Vehicle registration must be 7 characters or less' },
  ]),
  c('spaces collapsed, then upper case', { ...base, surname: ' van   der\tberg ' }, [], {
    expectedAnswers: { surname: 'VAN DER BERG' },
  }),
  c('trim and lower case, then the minimum length', { ...base, callSign: '  AB ' }, [
    { path: 'callSign', message: 'Call sign must be 3 characters or more' },
  ]),
  c('formats apply to drafts too', { email: 'SAM@EXAMPLE.COM', registration: 'ab12 cde' }, [], {
    mode: 'draft',
    expectedAnswers: { email: 'sam@example.com', registration: 'AB12CDE' },
  }),
  c('a hidden pre-filled answer is dropped on submit', { ...base, onShift: false, shiftLocation: 'Dover' }, []),
  c('a hidden question without a pre-fill is still refused', { ...base, onShift: false, shiftNotes: 'Quiet' }, [
    { path: 'shiftNotes', message: 'Shift notes must not be answered because the question is not shown' },
  ]),
  c('a shown pre-filled answer is kept', { ...base, onShift: true, shiftLocation: ' Dover ' }, [], {
    expectedAnswers: { shiftLocation: 'Dover' },
  }),
];
