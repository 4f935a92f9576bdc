import type { FormatRule } from './form-types.js';
import { ukPostcode } from './normalise.js';

/** Every `format` rule the engine applies to a text answer before checking and keeping it. */
export const FORMAT_RULES: readonly FormatRule[] = [
  'trim',
  'collapse-spaces',
  'lowercase',
  'uppercase',
  'postcode',
  'registration',
];

/** The input types whose answers are text, which `format` may rewrite. */
export const FORMATTED_TYPES: ReadonlySet<string> = new Set(['text', 'textarea', 'email', 'phone']);

/** A field's `format` as a list of rules (it may be one rule or several, applied in order). */
export function formatRules(format: unknown): FormatRule[] {
  if (format === undefined) return [];
  return (Array.isArray(format) ? format : [format]).filter((r): r is FormatRule =>
    (FORMAT_RULES as readonly unknown[]).includes(r),
  );
}

/**
 * A text answer rewritten by a field's `format` rules, in order: `trim` (every text answer is
 * trimmed anyway), `collapse-spaces` (runs of white space become one space), `lowercase`,
 * `uppercase`, `postcode` (upper case, one space before the inward code: `ct161ja` → `CT16 1JA`)
 * and `registration` (upper case without spaces: `ab12 cde` → `AB12CDE`). The server and the
 * shell both apply it, so the answer checked, kept and shown is the formatted one.
 */
export function formatText(rules: readonly FormatRule[], text: string): string {
  let out = text.trim();
  for (const rule of rules) {
    switch (rule) {
      case 'trim':
        out = out.trim();
        break;
      case 'collapse-spaces':
        out = out.replace(/\s+/g, ' ');
        break;
      case 'lowercase':
        out = out.toLowerCase();
        break;
      case 'uppercase':
        out = out.toUpperCase();
        break;
      case 'postcode':
        out = ukPostcode(out);
        break;
      case 'registration':
        out = out.replace(/\s+/g, '').toUpperCase();
        break;
    }
  }
  return out;
}
