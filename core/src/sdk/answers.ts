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

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: DEFAULT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date-time answer (`2026-07-20T14:30`, UK wall time) for an instant: the inverse of `answerInstant`. */
export function answerDateTime(date: Date): string {
  const parts = Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
