import { compileForm } from './compile.js';
import type { Scope } from './compiled-types.js';
import type { Answers, TermDictionary } from './engine-types.js';
import type { FormDefinition } from './form-types.js';
import { normaliseTermValue } from './normalise.js';

/** One term-bound value of a submission, ready for the cross-workflow search index. */
export interface TermValue {
  term: string;
  /** Where the value sits in the answers (`persons[0].familyName`). */
  path: string;
  value: unknown;
  normalised: string;
}

/**
 * Every term-bound value in (validated) answers, repeating groups included, in form order.
 * Values that cannot be normalised are left out.
 */
export function termValues(
  form: FormDefinition,
  answers: Answers,
  terms: TermDictionary,
  timeZone?: string,
): TermValue[] {
  const out: TermValue[] = [];
  collect(compileForm(form, terms).root, answers, '', out, timeZone);
  return out;
}

function collect(scope: Scope, values: Answers, prefix: string, out: TermValue[], timeZone?: string): void {
  for (const field of scope.fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (field.children && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === 'object' && item !== null)
          collect(field.children!, item as Answers, `${prefix}${field.name}[${i}].`, out, timeZone);
      });
      continue;
    }
    if (!field.term) continue;
    const normalised = normaliseTermValue(field.term, value, timeZone);
    if (normalised !== undefined) out.push({ term: field.term.id, path: prefix + field.name, value, normalised });
  }
}
