import { DEFAULT_TIME_ZONE, parseDateTime } from '../forms/engine/dates.js';

/**
 * The instant a validated date-time answer stands for. Answers are kept as the officer gave
 * them (`2026-07-20T14:30`, UK wall time); use this to turn one into a Date for a typed record.
 */
export function answerInstant(value: unknown, timeZone = DEFAULT_TIME_ZONE): Date {
  const ms = typeof value === 'string' ? parseDateTime(value, timeZone) : undefined;
  if (ms === undefined) throw new Error(`"${String(value)}" is not a date-time answer`);
  return new Date(ms);
}
