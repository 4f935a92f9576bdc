import type { CompiledCondition, Env, Scope } from './compiled-types.js';
import { parseDateTime, parseIsoDate } from './dates.js';
import type { Condition, FieldCondition, FieldRef, Scalar } from './form-types.js';
import { refGetter, refPath, resolveRef, type ProblemSink } from './references.js';

const DAY_MS = 86_400_000;
const OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'exists', 'gt', 'gte', 'lt', 'lte'] as const;

/** Whether an answer counts as given: not missing, not blank text, not an empty list. */
export function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** A number for ordering numbers, dates and date-times; undefined when not comparable. */
export function comparable(value: unknown, timeZone: string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const day = parseIsoDate(value);
  if (day !== undefined) return day * DAY_MS;
  return parseDateTime(value, timeZone);
}

/** Compiles a condition; references resolve from `scope` outwards and must precede `beforeOrder`. */
export function compileCondition(
  condition: Condition,
  scope: Scope,
  beforeOrder: number | undefined,
  where: string,
  sink: ProblemSink,
  refs?: ((env: Env) => string)[],
): CompiledCondition {
  if (typeof condition !== 'object' || condition === null) {
    sink.problems.push({ path: where, message: 'A condition must be an object' });
    return () => false;
  }
  if ('all' in condition || 'any' in condition) {
    const list = 'all' in condition ? condition.all : (condition as { any: Condition[] }).any;
    if (!Array.isArray(list)) {
      sink.problems.push({ path: where, message: 'all/any must be a list of conditions' });
      return () => false;
    }
    const key = 'all' in condition ? 'all' : 'any';
    const parts = list.map((c, i) => compileCondition(c, scope, beforeOrder, `${where}.${key}[${i}]`, sink, refs));
    return key === 'all' ? (env) => parts.every((p) => p(env)) : (env) => parts.some((p) => p(env));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, scope, beforeOrder, `${where}.not`, sink, refs);
    return (env) => !inner(env);
  }
  return compileFieldCondition(condition, scope, beforeOrder, where, sink, refs);
}

function compileFieldCondition(
  c: FieldCondition,
  scope: Scope,
  beforeOrder: number | undefined,
  where: string,
  sink: ProblemSink,
  refs?: ((env: Env) => string)[],
): CompiledCondition {
  if (typeof c.field !== 'string') {
    sink.problems.push({ path: where, message: 'A condition needs "field", "all", "any" or "not"' });
    return () => false;
  }
  const extra = Object.keys(c).filter((k) => k !== 'field' && !(OPERATORS as readonly string[]).includes(k));
  if (extra.length > 0) sink.problems.push({ path: where, message: `Unknown condition operator "${extra[0]}"` });
  if (!OPERATORS.some((op) => op in c))
    sink.problems.push({
      path: where,
      message: 'A condition needs an operator (eq, ne, in, nin, contains, exists, gt, gte, lt, lte)',
    });
  const ref = resolveRef(scope, c.field, beforeOrder, `${where}.field`, sink);
  refs?.push(refPath(ref));
  const get = refGetter(ref);
  const tests: ((value: unknown, env: Env) => boolean)[] = [];
  if ('eq' in c) tests.push((v) => v === c.eq);
  if ('ne' in c) tests.push((v) => v !== c.ne);
  if (c.in) tests.push((v) => c.in!.includes(v as Scalar));
  if (c.nin) tests.push((v) => !c.nin!.includes(v as Scalar));
  if ('contains' in c) {
    tests.push((v) =>
      Array.isArray(v) ? v.includes(c.contains) : typeof v === 'string' && v.includes(String(c.contains)),
    );
  }
  if (c.exists !== undefined) tests.push((v) => hasAnswer(v) === c.exists);
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    if (c[op] === undefined) continue;
    const other = compareOperand(c[op], scope, beforeOrder, `${where}.${op}`, sink, refs);
    tests.push((v, env) => {
      const left = comparable(v, env.run.timeZone);
      const right = comparable(other(env), env.run.timeZone);
      if (left === undefined || right === undefined) return false;
      return op === 'gt' ? left > right : op === 'gte' ? left >= right : op === 'lt' ? left < right : left <= right;
    });
  }
  return (env) => {
    const value = get(env);
    for (const test of tests) if (!test(value, env)) return false;
    return true;
  };
}

function compareOperand(
  operand: number | string | FieldRef,
  scope: Scope,
  beforeOrder: number | undefined,
  where: string,
  sink: ProblemSink,
  refs?: ((env: Env) => string)[],
): (env: Env) => unknown {
  if (typeof operand !== 'object' || operand === null) return () => operand;
  const ref = resolveRef(scope, operand.field, beforeOrder, `${where}.field`, sink);
  refs?.push(refPath(ref));
  return refGetter(ref);
}
