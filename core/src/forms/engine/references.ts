import type { CompiledField, Env, Scope } from './compiled-types.js';
import type { FormProblem } from './engine-types.js';

/** A field reference resolved at compile time. */
export interface ResolvedRef {
  /** How many scopes outwards the field lives. */
  up: number;
  field: CompiledField;
  /** For `group[].column` references: the column read from every item. */
  column?: CompiledField;
}

/** Collects problems while compiling. */
export interface ProblemSink {
  problems: FormProblem[];
}

/**
 * Resolves a field name (`port`, or `items[].quantity` for a group column) from a scope
 * outwards. Unknown fields, and fields declared later than `beforeOrder`, are problems.
 */
export function resolveRef(
  scope: Scope,
  name: string,
  beforeOrder: number | undefined,
  where: string,
  sink: ProblemSink,
): ResolvedRef | undefined {
  const [head, columnName] = name.split('[].', 2) as [string, string | undefined];
  let up = 0;
  for (let s: Scope | undefined = scope; s; s = s.parent, up++) {
    const field = s.byName.get(head);
    if (!field) continue;
    if (beforeOrder !== undefined && field.order >= beforeOrder) {
      sink.problems.push({ path: where, message: `Refers to field "${head}" which comes later in the form` });
      return undefined;
    }
    if (columnName === undefined) return { up, field };
    const column = field.children?.byName.get(columnName);
    if (!column) {
      sink.problems.push({ path: where, message: `Refers to unknown field "${name}"` });
      return undefined;
    }
    return { up, field, column };
  }
  sink.problems.push({ path: where, message: `Refers to unknown field "${name}"` });
  return undefined;
}

function envAt(env: Env, up: number): Env | undefined {
  let e: Env | undefined = env;
  for (let i = 0; i < up && e; i++) e = e.parent;
  return e;
}

/** A function reading the referenced answer (a list of answers for a group column). */
export function refGetter(ref: ResolvedRef | undefined): (env: Env) => unknown {
  if (!ref) return () => undefined;
  const { up, field, column } = ref;
  const name = field.name;
  if (!column) {
    if (up === 0) return (env) => env.values[name];
    return (env) => envAt(env, up)?.values[name];
  }
  const columnName = column.name;
  return (env) => {
    const list = envAt(env, up)?.values[name];
    if (!Array.isArray(list)) return undefined;
    return list.map((item) => (item as Record<string, unknown> | undefined)?.[columnName]);
  };
}

/** A function giving the answer path of the referenced field (the group's path for a column). */
export function refPath(ref: ResolvedRef | undefined): (env: Env) => string {
  if (!ref) return () => '';
  const { up, field } = ref;
  return (env) => (envAt(env, up)?.prefix ?? '') + field.name;
}
