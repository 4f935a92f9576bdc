import type { HelperDelegate } from 'handlebars';
import { formatDate, formatNumber, formatPercent, isDateStyle, sumValues } from './format.js';

/** Handlebars passes its options object last; helpers drop it before reading their arguments. */
function args(raw: unknown[]): unknown[] {
  return raw.slice(0, -1);
}

/**
 * The helpers every report template can call. Their names are reserved: the field
 * check never treats them as data fields.
 *
 * - `{{formatDate value "date"|"datetime"|"time"|"month"|"iso"}}`
 * - `{{formatNumber value decimals?}}`
 * - `{{percent part whole decimals?}}`
 * - `{{sum list "field"?}}` (a number; wrap in formatNumber to group it)
 * - `{{count list}}`
 */
export const reportHelpers: Readonly<Record<string, HelperDelegate>> = {
  formatDate: (...raw: unknown[]) => {
    const [value, style] = args(raw);
    return formatDate(value, typeof style === 'string' && isDateStyle(style) ? style : 'date');
  },
  formatNumber: (...raw: unknown[]) => {
    const [value, decimals] = args(raw);
    return formatNumber(value, typeof decimals === 'number' ? decimals : 0);
  },
  percent: (...raw: unknown[]) => {
    const [part, whole, decimals] = args(raw);
    return formatPercent(part, whole, typeof decimals === 'number' ? decimals : 1);
  },
  sum: (...raw: unknown[]) => {
    const [list, field] = args(raw);
    return sumValues(list, typeof field === 'string' ? field : undefined);
  },
  count: (...raw: unknown[]) => {
    const [list] = args(raw);
    return Array.isArray(list) ? list.length : 0;
  },
};

/** Names Handlebars itself provides; like the report helpers they are not fields. */
export const builtInHelperNames: readonly string[] = [
  'each',
  'if',
  'unless',
  'with',
  'lookup',
  'log',
  'blockHelperMissing',
  'helperMissing',
];
