import { NOW, type FormCase } from './case-types.js';

const calc = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'calc',
  answers,
  mode: 'submit',
  now: NOW,
  expectedErrors,
  ...extra,
});
const dates = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'dates',
  answers,
  mode: 'submit',
  now: NOW,
  expectedErrors,
  ...extra,
});
const arrived = { arrival: '2026-04-01' };

/** Calculated fields, cross-field rules, and date rules (fixed and relative to other fields). */
export const calcAndDateCases: FormCase[] = [
  calc('calculations from one number', { a: 10 }, [], {
    expectedAnswers: { total: 10, diff: 10, ratio: 3.33, nested: 21 },
  }),
  calc('sum over a group column', { a: 10, b: 5, lines: [{ amount: 1 }, { amount: 2 }] }, [], {
    expectedAnswers: { total: 18, diff: 5 },
  }),
  calc('cross-field rule on a calculated total', { a: 90, b: 20 }, [
    { path: 'total', message: 'Total must be 100 or less' },
  ]),
  calc('cross-field rule comparing two fields', { a: 10, b: 10 }, [{ path: 'b', message: 'B must be less than A' }]),
  calc('calculated value from the client is ignored', { a: 10, total: 5 }, [], { expectedAnswers: { total: 10 } }),
  calc('rules skipped when an input is wrong', { a: 'x', b: 5 }, [{ path: 'a', message: 'A must be a number' }]),
  calc('rules not checked on drafts', { a: 200 }, [], { mode: 'draft', expectedAnswers: { total: 200 } }),
  calc('rounding half away from zero', { a: -10 }, [], { expectedAnswers: { ratio: -3.33, diff: -10 } }),
  calc('missing amount inside a line', { a: 10, lines: [{}] }, [{ path: 'lines[0].amount', message: 'Enter amount' }]),
  dates('date today or in the past', arrived, []),
  dates('date today is not in the future', { arrival: '2026-04-12' }, []),
  dates('date tomorrow', { arrival: '2026-04-13' }, [
    { path: 'arrival', message: 'Arrival date must be today or in the past' },
  ]),
  dates('date not after another field', { ...arrived, departure: '2026-04-01' }, [
    { path: 'departure', message: 'Departure date must be after the arrival date' },
  ]),
  dates('date after another field', { ...arrived, departure: '2026-04-02' }, []),
  dates('date that must be in the future', { ...arrived, expiry: '2026-04-12' }, [
    { path: 'expiry', message: 'Expiry date must be in the future' },
  ]),
  dates('future date', { ...arrived, expiry: '2027-01-01' }, []),
  dates('date on a fixed upper bound', { ...arrived, issued: '2026-01-01' }, [
    { path: 'issued', message: 'Issue date must be before 1 January 2026' },
  ]),
  dates('date before a fixed lower bound', { ...arrived, issued: '1999-12-31' }, [
    { path: 'issued', message: 'Issue date must be after 1 January 2000' },
  ]),
  dates('date between fixed bounds', { ...arrived, issued: '2010-06-15' }, []),
  dates('date-time later today in London is in the future', { ...arrived, appointment: '2026-04-12T13:30' }, []),
  dates('date-time earlier today is not in the future', { ...arrived, appointment: '2026-04-12T12:30' }, [
    { path: 'appointment', message: 'Appointment must be in the future' },
  ]),
  dates('date-time with an offset after now', { ...arrived, seen: '2026-04-12T14:00+01:00' }, [
    { path: 'seen', message: 'Time seen must be in the past' },
  ]),
  dates(
    'date-time before another date-time',
    { ...arrived, appointment: '2026-05-01T10:00', seen: '2026-04-12T10:00' },
    [],
  ),
  dates('relative bound skipped when the other field is empty', { ...arrived, seen: '2026-04-11T10:00' }, []),
  dates('date that does not exist', { arrival: '2026-13-01', departure: '2026-04-02' }, [
    { path: 'arrival', message: 'Arrival date must be a real date' },
  ]),
  dates('29 February in a leap year', { arrival: '2024-02-29' }, []),
  dates('29 February in another year', { arrival: '2025-02-29' }, [
    { path: 'arrival', message: 'Arrival date must be a real date' },
  ]),
  dates('date given as a number', { arrival: 20260401 }, [
    { path: 'arrival', message: 'Arrival date must be a real date' },
  ]),
  {
    name: 'task list: nothing answered',
    form: 'tasks',
    answers: {},
    mode: 'submit',
    now: NOW,
    expectedErrors: [
      { path: 'familyName', message: 'Enter the family name' },
      { path: 'port', message: 'Select the port' },
    ],
  },
  {
    name: 'task list: complete',
    form: 'tasks',
    answers: { familyName: 'Smith', port: 'GBLHR' },
    mode: 'submit',
    now: NOW,
    expectedErrors: [],
  },
];
