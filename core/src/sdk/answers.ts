import { DEFAULT_TIME_ZONE, parseDateTime, wallParts } from '../forms/engine/dates.js';

/**
 * The instant a validated date-time answer stands for. Answers are kept as the officer gave
 * them (`2026-07-20T14:30`, UK wall time); use this to turn one into a Date for a typed record.
 */
export function answerInstant(value: unknown, timeZone = DEFAULT_TIME_ZONE): Date {
  const ms = typeof value === 'string' ? parseDateTime(value, timeZone) : undefined;
  if (ms === undefined) throw new Error(`"${String(value)}" is not a date-time answer`);
  return new Date(ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date-time answer (`2026-07-20T14:30`, UK wall time) for an instant: the inverse of `answerInstant`. */
export function answerDateTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const w = wallParts(date.getTime(), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * Validated answers as their form's generated type (`npm run forms:types` writes it
 * as `forms/<form>.answers.ts` when code imports it): `answersOf<TargetOutcomeAnswers>(ctx.case.answers)`.
 * The form engine checked them against that form before any hook runs, and CI checks the type
 * is the form's current one, so this is the one place the shape is taken on trust.
 */
export function answersOf<A extends object>(answers: Record<string, unknown>): A {
  return answers as A;
}
