/**
 * Value formatting shared by the Handlebars helpers and by streamed table cells,
 * so a number looks the same whether a template or a column formatted it.
 * Dates are shown in UK civil time (Europe/London), numbers with en-GB grouping.
 */

/** Column and helper formats understood by {@link formatValue}. */
export type ValueFormat = 'text' | 'number' | 'integer' | 'percent' | 'date' | 'datetime';

const TIME_ZONE = 'Europe/London';

const dateFormats = {
  date: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: 'short', year: 'numeric' }),
  datetime: new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  time: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  month: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, month: 'short', year: 'numeric' }),
} as const;

/** Named date styles for the `formatDate` helper. */
export type DateStyle = keyof typeof dateFormats | 'iso';

/** Whether a string names a date style. */
export function isDateStyle(style: string): style is DateStyle {
  return style === 'iso' || style in dateFormats;
}

/** Turns a Date, ISO string or epoch milliseconds into a Date, or undefined when it is not one. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Formats a date in UK time: `date` → "03 Mar 2025", `datetime` → "03 Mar 2025, 14:05". */
export function formatDate(value: unknown, style: DateStyle = 'date'): string {
  const date = toDate(value);
  if (!date) return value == null ? '' : String(value);
  if (style === 'iso') return date.toISOString();
  return dateFormats[style].format(date);
}

/** Turns a number or a numeric string (grouping commas allowed) into a number, or undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const cleaned = value.replace(/[,\s£%]/g, '');
    if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
    return Number(cleaned);
  }
  return undefined;
}

/** Formats a number with en-GB grouping and a fixed number of decimals (default 0). */
export function formatNumber(value: unknown, decimals = 0): string {
  const n = toNumber(value);
  if (n === undefined) return value == null ? '' : String(value);
  return n.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Formats `part / whole` as a percentage, "–" when the whole is zero. */
export function formatPercent(part: unknown, whole?: unknown, decimals = 1): string {
  const p = toNumber(part);
  if (p === undefined) return '';
  const ratio = whole === undefined ? p : p / (toNumber(whole) ?? 0);
  if (!Number.isFinite(ratio)) return '–';
  return `${formatNumber(ratio * 100, decimals)}%`;
}

/** Sums numbers, or one numeric field of a list of objects (dotted paths allowed). */
export function sumValues(list: unknown, field?: string): number {
  if (!Array.isArray(list)) return 0;
  let total = 0;
  for (const item of list) total += toNumber(field ? readPath(item, field) : item) ?? 0;
  return total;
}

/** Reads a dotted path (`a.b.c`) from a plain object; undefined when any step is missing. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current == null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Formats a raw value for a table cell according to its column format. */
export function formatValue(value: unknown, format: ValueFormat, decimals?: number): string {
  switch (format) {
    case 'number':
      return formatNumber(value, decimals ?? 0);
    case 'integer':
      return formatNumber(value, 0);
    case 'percent':
      return formatPercent(value, undefined, decimals ?? 1);
    case 'date':
      return formatDate(value, 'date');
    case 'datetime':
      return formatDate(value, 'datetime');
    case 'text':
      return value == null ? '' : value instanceof Date ? formatDate(value, 'datetime') : String(value);
  }
}

/** Whether values in this format are numbers (right-aligned, summable). */
export function isNumericFormat(format: ValueFormat): boolean {
  return format === 'number' || format === 'integer' || format === 'percent';
}
