/**
 * Date and time handling without Node-only APIs: dates are `yyyy-mm-dd`, times `HH:mm`,
 * date-times ISO 8601 (`2026-04-12T14:30`, seconds and an offset or `Z` optional; without
 * an offset the wall time is read in the form's time zone, Europe/London by default).
 */

export const DEFAULT_TIME_ZONE = 'Europe/London';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, else undefined. */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return Math.round(ms / DAY_MS);
}

/** Parses `yyyy-mm-dd` to a day number, or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** Parses `HH:mm` (or `H:mm`) to minutes after midnight. */
export function parseTime(text: string): number | undefined {
  const m = TIME.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Parses an ISO date-time to epoch milliseconds, reading offset-less values in `timeZone`. */
export function parseDateTime(text: string, timeZone: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = day * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  const zone = m[7];
  if (zone === 'Z') return wall;
  if (zone !== undefined) {
    const sign = zone[0] === '-' ? -1 : 1;
    return wall - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  // Wall time in the zone: correct by the zone's offset, twice to settle across a clock change.
  let guess = wall - offsetMs(wall, timeZone);
  guess = wall - offsetMs(guess, timeZone);
  return guess;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a time zone, read from Intl (slow: see `wallParts`). */
function formattedParts(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

/**
 * UTC offsets by zone and quarter hour of UTC time. Zone offsets are whole multiples of 15
 * minutes and change only at such instants, so one Intl lookup serves a whole quarter hour:
 * validating a form with many date-times asks Intl once instead of once per answer.
 */
const offsets = new Map<string, number>();
const QUARTER_HOUR_MS = 900_000;

function offsetMs(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const w = formattedParts(instant, timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(instant / 60_000) * 60_000;
    if (offsets.size > 5000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Wall-clock parts of an instant in a time zone. */
export function wallParts(
  instant: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const local = new Date(instant + offsetMs(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

let lastToday: { instant: number; zone: string; day: number } | undefined;

/** Today's day number in the time zone (cached for repeated calls with the same instant). */
export function todayNumber(now: Date, timeZone: string): number {
  const instant = now.getTime();
  if (lastToday && lastToday.instant === instant && lastToday.zone === timeZone) return lastToday.day;
  const w = wallParts(instant, timeZone);
  const day = dayNumber(w.year, w.month, w.day)!;
  lastToday = { instant, zone: timeZone, day };
  return day;
}

/** `yyyy-mm-dd` for a day number. */
export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "12 April 2026" for a day number. */
export function displayDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2:30pm" for minutes after midnight (GOV.UK style; "midday" and "midnight" spelt out). */
export function displayTime(minutes: number): string {
  if (minutes === 0) return 'midnight';
  if (minutes === 720) return 'midday';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}:${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

/** "12 April 2026 at 2:30pm" for an instant, in the time zone. */
export function displayDateTime(instant: number, timeZone: string): string {
  const w = wallParts(instant, timeZone);
  return `${displayDate(dayNumber(w.year, w.month, w.day)!)} at ${displayTime(w.hour * 60 + w.minute)}`;
}

/** The month number (1–12) of an English month name or its first three letters. */
export function monthFromName(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.toLowerCase() === lower || month.slice(0, 3).toLowerCase() === lower);
  return index < 0 ? undefined : index + 1;
}
