import type { CompiledField, CompiledFilter, Scope } from './compiled-types.js';
import { unknownKeys } from './definition-keys.js';
import type { FilterBy } from './form-types.js';
import { refGetter, refPath, resolveRef, type ProblemSink } from './references.js';

const SINGLE_CHOICE: ReadonlySet<string> = new Set(['radios', 'select', 'autocomplete']);
const CHOICE: ReadonlySet<string> = new Set(['radios', 'checkboxes', 'select', 'autocomplete']);
const ATTRIBUTE = /^attributes\.[A-Za-z][A-Za-z0-9_]*$/;

/** A row as far as a filter reads it. */
interface FilterableRow {
  parent?: string;
  attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** What a `filterBy` compares for a row: its parent, or an attribute as text (undefined: it has none). */
export function rowMatchValue(row: FilterableRow, match: string): string | undefined {
  if (match === 'parent') return row.parent;
  if (!match.startsWith('attributes.')) return undefined;
  const value = row.attributes?.[match.slice('attributes.'.length)];
  return value === undefined ? undefined : String(value);
}

/**
 * The rows a filtered question offers given the other answer: those whose parent or attribute
 * is that answer; none while it is unanswered. The shell shows these; validation accepts only them.
 */
export function filteredRows<R extends FilterableRow>(rows: readonly R[], match: string, other: unknown): R[] {
  if (typeof other !== 'string' || other === '') return [];
  return rows.filter((row) => rowMatchValue(row, match) === other);
}

/**
 * Compiles a question's `filterBy`: on a reference question (radios, checkboxes, select or
 * autocomplete with `reference`), naming an earlier single-choice question and `parent` or
 * `attributes.<name>`. Anything else is a problem naming the field.
 */
export function compileFilter(
  field: CompiledField,
  scope: Scope,
  where: string,
  sink: ProblemSink,
): CompiledFilter | undefined {
  const filterBy = (field.source as { filterBy?: FilterBy }).filterBy;
  if (filterBy === undefined) return undefined;
  const at = `${where}.filterBy`;
  if (typeof filterBy !== 'object' || filterBy === null || Array.isArray(filterBy)) {
    sink.problems.push({ path: at, message: `Field "${field.name}" has "filterBy" that is not an object` });
    return undefined;
  }
  unknownKeys(filterBy, 'filterBy', at, sink);
  if (!CHOICE.has(field.kind) || !field.reference || field.options) {
    sink.problems.push({
      path: at,
      message: `Field "${field.name}" is not a reference question; only radios, checkboxes, select or autocomplete with a "reference" set have "filterBy"`,
    });
    return undefined;
  }
  const { match } = filterBy;
  if (typeof match !== 'string' || (match !== 'parent' && !ATTRIBUTE.test(match)))
    sink.problems.push({
      path: `${at}.match`,
      message: `Field "${field.name}" has filterBy.match ${JSON.stringify(match)}, which is neither "parent" nor "attributes.<name>"`,
    });
  if (typeof filterBy.field !== 'string' || !filterBy.field) {
    sink.problems.push({ path: `${at}.field`, message: `Field "${field.name}" has "filterBy" without a "field"` });
    return undefined;
  }
  const ref = resolveRef(scope, filterBy.field, field.order, `${at}.field`, sink);
  if (!ref) return undefined;
  if (ref.column || !SINGLE_CHOICE.has(ref.field.kind)) {
    sink.problems.push({
      path: `${at}.field`,
      message: `Field "${field.name}" is filtered by "${filterBy.field}", which is not a single choice (radios, select or autocomplete)`,
    });
    return undefined;
  }
  if (typeof match !== 'string') return undefined;
  return { value: refGetter(ref), match, label: ref.field.errorName, field: ref.field.name, path: refPath(ref) };
}
