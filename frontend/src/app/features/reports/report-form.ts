import { ApiFieldError } from '../../core/api/api-error';
import { ReportParameter } from '../../core/reports/reports.model';
import type { DateParts } from '../../core/ui/date-input';
import { FieldProblem } from '../../core/ui/error-summary';
import { REPORT_MESSAGES as M } from './reports.messages';

/** The parts of a GOV.UK date input; a month input uses only month and year. */
export type { DateParts } from '../../core/ui/date-input';

/** What the manager has entered so far, by parameter name. */
export type ParameterInput = Record<string, string | DateParts>;

/** Plain TypeScript behind the report parameters page (no Angular), so it can be tested alone. */

/** An empty entry for each parameter. */
export function emptyInput(parameters: readonly ReportParameter[]): ParameterInput {
  const input: ParameterInput = {};
  for (const p of parameters)
    input[p.name] = p.type === 'date' || p.type === 'month' ? { day: '', month: '', year: '' } : '';
  return input;
}

/** Id of the element an error about this parameter links to (the first box of a date input). */
export function fieldId(p: ReportParameter): string {
  if (p.type === 'date') return `p-${p.name}-day`;
  if (p.type === 'month') return `p-${p.name}-month`;
  return `p-${p.name}`;
}

/** Whether a select parameter is shown as radios (a few options) rather than a drop-down. */
export function useRadios(p: ReportParameter): boolean {
  return p.type === 'select' && (p.options?.length ?? 0) <= 5;
}

/**
 * Checks the entries the way the core does (required answers, real dates and months, `to` not
 * before `from`), with GOV.UK messages, and returns the values to send: dates as yyyy-mm-dd,
 * months as yyyy-mm, empty optional answers left out.
 */
export function checkInput(
  parameters: readonly ReportParameter[],
  input: ParameterInput,
): { values: Record<string, string>; problems: FieldProblem[] } {
  const values: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const p of parameters) {
    const raw = input[p.name];
    const result = p.type === 'date' || p.type === 'month' ? dateValue(p, raw) : textValue(p, raw);
    if ('error' in result) problems.push({ fieldId: fieldId(p), message: result.error });
    else if (result.value) values[p.name] = result.value;
  }
  const from = parameters.find((p) => p.name === 'from');
  const to = parameters.find((p) => p.name === 'to');
  if (from && to && values['from'] && values['to'] && values['to'] < values['from']) {
    problems.push({ fieldId: fieldId(to), message: M.order(from, to) });
  }
  return { values, problems };
}

/** Places the server's 400 errors (`parameters.<name>`) on their fields; others go unlinked. */
export function serverProblems(
  parameters: readonly ReportParameter[],
  errors: readonly ApiFieldError[],
): FieldProblem[] {
  return errors.map((e) => {
    const name = e.path.replace(/^parameters\./, '');
    const p = parameters.find((candidate) => candidate.name === name);
    return { fieldId: p ? fieldId(p) : '', message: e.message };
  });
}

/** The problem shown beside a parameter, if any. */
export function problemFor(p: ReportParameter, problems: readonly FieldProblem[]): string | null {
  return problems.find((problem) => problem.fieldId === fieldId(p))?.message ?? null;
}

function textValue(p: ReportParameter, raw: string | DateParts | undefined): { value: string } | { error: string } {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!value && p.required) return { error: M.choose(p) };
  return { value };
}

function dateValue(p: ReportParameter, raw: string | DateParts | undefined): { value: string } | { error: string } {
  const parts = typeof raw === 'object' && raw ? raw : { day: '', month: '', year: '' };
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const isMonth = p.type === 'month';
  const given = isMonth ? [month, year] : [day, month, year];
  if (given.every((part) => !part)) {
    return p.required ? { error: isMonth ? M.enterMonth(p) : M.enterDate(p) } : { value: '' };
  }
  const missing = (
    isMonth
      ? [
          ['a month', month],
          ['a year', year],
        ]
      : [
          ['a day', day],
          ['a month', month],
          ['a year', year],
        ]
  )
    .filter(([, part]) => !part)
    .map(([name]) => name!);
  if (missing.length) return { error: M.mustInclude(p, joinWords(missing)) };
  if (!/^\d{4}$/.test(year)) return { error: M.yearDigits(p) };
  if (!/^\d{1,2}$/.test(month) || (!isMonth && !/^\d{1,2}$/.test(day)))
    return { error: isMonth ? M.realMonth(p) : M.realDate(p) };
  const y = Number(year);
  const m = Number(month);
  if (m < 1 || m > 12 || y < 2000) return { error: isMonth ? M.realMonth(p) : M.realDate(p) };
  const mm = String(m).padStart(2, '0');
  if (isMonth) return { value: `${year}-${mm}` };
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { error: M.realDate(p) };
  return { value: `${year}-${mm}-${String(d).padStart(2, '0')}` };
}

function joinWords(words: string[]): string {
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A run's parameters for people: "From 1 November 2026, To 30 November 2026, Team …". */
export function describeParameters(
  values: Record<string, string>,
  parameters: readonly ReportParameter[] | undefined,
  labels: (p: ReportParameter, value: string) => string = (_p, v) => v,
): string {
  const order = (name: string) => {
    const i = parameters?.findIndex((p) => p.name === name) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  // Stored parameters come back in the database's key order; show them in the report's.
  return Object.entries(values)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([name, value]) => {
      const p = parameters?.find((candidate) => candidate.name === name);
      let shown = value;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) shown = longDate.format(new Date(`${value}T12:00:00Z`));
      else if (/^\d{4}-\d{2}$/.test(value)) shown = longMonth.format(new Date(`${value}-15T12:00:00Z`));
      else if (p?.type === 'select') shown = p.options?.find((o) => o.value === value)?.label ?? value;
      else if (p) shown = labels(p, value);
      return `${p?.label ?? name}: ${shown}`;
    })
    .join(', ');
}
