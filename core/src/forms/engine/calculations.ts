import type { CompiledOperand, Env, Scope } from './compiled-types.js';
import { comparable } from './conditions.js';
import type { Calculation, Operand } from './form-types.js';
import { refGetter, resolveRef, type ProblemSink } from './references.js';

const NUMERIC_KINDS = new Set(['number', 'calculated']);
const TIME_KINDS = new Set(['date', 'date-time']);

/** Compiles a calculation; its inputs must be numeric fields (dates for `minutes-between`). */
export function compileCalculation(
  calc: Calculation,
  scope: Scope,
  beforeOrder: number,
  where: string,
  sink: ProblemSink,
): CompiledOperand {
  if (!calc || typeof calc !== 'object' || !Array.isArray(calc.args)) {
    sink.problems.push({ path: where, message: 'A calculation needs "op" and a list of "args"' });
    return () => undefined;
  }
  const timeBased = calc.op === 'minutes-between';
  if (!['sum', 'difference', 'product', 'minutes-between'].includes(calc.op)) {
    sink.problems.push({ path: `${where}.op`, message: `Unknown calculation "${String(calc.op)}"` });
    return () => undefined;
  }
  if (timeBased && calc.args.length !== 2) {
    sink.problems.push({ path: `${where}.args`, message: 'minutes-between needs exactly two date-time fields' });
  }
  const args = calc.args.map((arg, i) =>
    compileOperand(arg, scope, beforeOrder, `${where}.args[${i}]`, sink, timeBased),
  );
  const round = calc.round;
  const compute = timeBased ? minutesBetween(args) : arithmetic(calc.op, args);
  if (round === undefined) return compute;
  const factor = 10 ** round;
  return (env) => {
    const value = compute(env) as number | undefined;
    return value === undefined ? undefined : (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  };
}

function compileOperand(
  arg: Operand,
  scope: Scope,
  beforeOrder: number,
  where: string,
  sink: ProblemSink,
  timeBased: boolean,
): CompiledOperand {
  if (typeof arg === 'number') return () => arg;
  if (typeof arg === 'object' && arg !== null) {
    if (timeBased) sink.problems.push({ path: where, message: 'minutes-between takes field names, not calculations' });
    return compileCalculation(arg, scope, beforeOrder, where, sink);
  }
  const ref = resolveRef(scope, String(arg), beforeOrder, where, sink);
  if (ref) {
    const kind = (ref.column ?? ref.field).kind;
    const allowed = timeBased ? TIME_KINDS : NUMERIC_KINDS;
    if (!allowed.has(kind)) {
      const wanted = timeBased ? 'date or date-time' : 'numeric';
      sink.problems.push({
        path: where,
        message: `Calculation uses field "${String(arg)}" which is not ${wanted} (it is ${kind})`,
      });
    }
  }
  const get = refGetter(ref);
  if (timeBased) return (env) => comparable(get(env), env.run.timeZone);
  return (env) => {
    const value = get(env);
    if (typeof value === 'number') return value;
    if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
    return undefined;
  };
}

function total(value: number | number[] | undefined): number | undefined {
  if (!Array.isArray(value)) return value;
  let sum = 0;
  for (const v of value) sum += v;
  return sum;
}

function arithmetic(op: string, args: CompiledOperand[]): CompiledOperand {
  if (op === 'sum') {
    return (env) => {
      let sum = 0;
      for (const arg of args) sum += total(arg(env)) ?? 0;
      return sum;
    };
  }
  if (op === 'product') {
    return (env) => {
      let product = 1;
      for (const arg of args) {
        const v = total(arg(env));
        if (v === undefined) return undefined;
        product *= v;
      }
      return product;
    };
  }
  // difference: the first argument minus the rest; unanswered later arguments count as 0.
  return (env) => {
    const first = args[0] ? total(args[0](env)) : undefined;
    if (first === undefined) return undefined;
    let result = first;
    for (let i = 1; i < args.length; i++) result -= total(args[i]!(env)) ?? 0;
    return result;
  };
}

function minutesBetween(args: CompiledOperand[]): CompiledOperand {
  return (env: Env) => {
    const start = args[0]?.(env);
    const end = args[1]?.(env);
    if (typeof start !== 'number' || typeof end !== 'number') return undefined;
    return Math.round((end - start) / 60_000);
  };
}
