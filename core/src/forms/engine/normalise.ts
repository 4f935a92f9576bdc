import { DEFAULT_TIME_ZONE, dayNumber, isoFromDayNumber, monthFromName, parseDateTime } from './dates.js';
import type { TermDefinition } from './engine-types.js';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/;
const WORDS = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/;

/**
 * The search-index form of a term value: registrations upper-case without spaces, names
 * lower-case with spaces collapsed, dates as ISO yyyy-mm-dd whatever the input format
 * (2026-04-12, 12/04/2026, 12 April 2026, or { day, month, year }), date-times as UTC ISO
 * instants. Returns undefined for a value that cannot be normalised.
 */
export function normaliseTermValue(
  term: TermDefinition,
  value: unknown,
  timeZone = DEFAULT_TIME_ZONE,
): string | undefined {
  switch (term.normalise) {
    case 'registration':
      return typeof value === 'string' ? nonEmpty(value.replace(/\s+/g, '').toUpperCase()) : undefined;
    case 'name':
      return typeof value === 'string' ? nonEmpty(value.trim().replace(/\s+/g, ' ').toLowerCase()) : undefined;
    case 'code':
      return typeof value === 'string' ? nonEmpty(value.trim().toUpperCase()) : undefined;
    case 'trim':
      return typeof value === 'string' ? nonEmpty(value.trim()) : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'date':
      return normaliseDate(value);
    case 'date-time': {
      if (typeof value !== 'string') return undefined;
      const instant = parseDateTime(value.trim(), timeZone);
      return instant === undefined ? undefined : new Date(instant).toISOString();
    }
    default:
      return undefined;
  }
}

/**
 * The form a valid text answer bound to the term is kept in: for a `uk-postcode` term upper
 * case with one space before the three-character inward code (`ct161ja`, `Ct16  1ja` → `CT16 1JA`;
 * `bfpo801` → `BFPO 801`). The text as typed (trimmed) for any other term, or none.
 */
export function canonicalTermValue(term: TermDefinition | undefined, text: string): string {
  switch (term?.canonical) {
    case 'uk-postcode':
      return ukPostcode(text);
    default:
      return text;
  }
}

/** A UK postcode in its kept form: upper case, one space before the three-character inward code. */
export function ukPostcode(text: string): string {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (/^BFPO[0-9]+$/.test(compact)) return `BFPO ${compact.slice(4)}`;
  // Too short to hold an outward and an inward code: left for the pattern to refuse.
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

function normaliseDate(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null) {
    const { day, month, year } = value as Record<string, unknown>;
    return fromParts(Number(year), Number(month), Number(day));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UK.exec(text);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  m = WORDS.exec(text);
  if (m) return fromParts(Number(m[3]), monthFromName(m[2]!) ?? 0, Number(m[1]));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return normaliseDate(text.slice(0, 10));
  return undefined;
}

function fromParts(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  const n = dayNumber(year, month, day);
  return n === undefined ? undefined : isoFromDayNumber(n);
}

function nonEmpty(text: string): string | undefined {
  return text.length > 0 ? text : undefined;
}
