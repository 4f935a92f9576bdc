import { compileForm } from './compile.js';
import type { CompiledField, Env, Scope } from './compiled-types.js';
import {
  DEFAULT_TIME_ZONE,
  displayDate,
  displayDateTime,
  displayTime,
  parseDateTime,
  parseIsoDate,
  parseTime,
} from './dates.js';
import type { Answers, ReferenceLookup, TermDictionary } from './engine-types.js';
import type { FormDefinition } from './form-types.js';
import { capitalise } from './messages.js';

/** One row of a check-your-answers page, case view or PDF. */
export interface SummaryRow {
  /** The page to return to with a change link. */
  pageId: string;
  path: string;
  label: string;
  value: unknown;
  displayValue: string;
}

/** Options for summarising answers. */
export interface SummariseOptions {
  terms: TermDictionary;
  /** Gives reference-data labels; ids are shown when absent. */
  reference?: ReferenceLookup;
  timeZone?: string;
  /** Text for a visible question without an answer (default "Not provided"). */
  notProvided?: string;
}

/**
 * Rows for every visible question in form order, repeating-group items one row per field
 * ("Item 2: Quantity"). Hidden questions and content blocks are left out.
 */
export function summarise(form: FormDefinition, answers: Answers, options: SummariseOptions): SummaryRow[] {
  const compiled = compileForm(form, options.terms);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const env: Env = { values: answers, prefix: '', run: { timeZone, errored: new Set() } };
  const rows: SummaryRow[] = [];
  for (const page of compiled.pages) {
    if (page.condition && !page.condition(env)) continue;
    addRows(page.fields, env, '', page.id, rows, { ...options, timeZone });
  }
  return rows;
}

function addRows(
  fields: CompiledField[],
  env: Env,
  labelPrefix: string,
  pageId: string,
  rows: SummaryRow[],
  options: SummariseOptions & { timeZone: string },
): void {
  for (const field of fields) {
    if (field.condition && !field.condition(env)) continue;
    const value = env.values[field.name];
    const path = env.prefix + field.name;
    if (field.kind === 'group') {
      const items = Array.isArray(value) ? (value as Answers[]) : [];
      if (items.length === 0)
        rows.push({ pageId, path, label: labelPrefix + field.label, value: [], displayValue: 'None' });
      items.forEach((item, i) => {
        const itemEnv: Env = { values: item, prefix: `${path}[${i}].`, parent: env, run: env.run };
        const prefix = `${labelPrefix}${capitalise(field.itemName ?? 'item')} ${i + 1}: `;
        addRows((field.children as Scope).fields, itemEnv, prefix, pageId, rows, options);
      });
      continue;
    }
    rows.push({ pageId, path, label: labelPrefix + field.label, value, displayValue: display(field, value, options) });
  }
}

/** The text shown for one answer. */
export function displayAnswer(field: CompiledField, value: unknown, options: SummariseOptions): string {
  return display(field, value, { ...options, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE });
}

function display(field: CompiledField, value: unknown, options: SummariseOptions & { timeZone: string }): string {
  if (value === undefined || value === null || value === '') return options.notProvided ?? 'Not provided';
  const suffix = (field.source as { suffix?: string }).suffix;
  switch (field.kind) {
    case 'number':
    case 'calculated':
      return suffix ? `${String(value)} ${suffix}` : String(value);
    case 'yes-no':
      return value === true ? 'Yes' : 'No';
    case 'date': {
      const day = parseIsoDate(String(value));
      return day === undefined ? String(value) : displayDate(day);
    }
    case 'time': {
      const minutes = parseTime(String(value));
      return minutes === undefined ? String(value) : displayTime(minutes);
    }
    case 'date-time': {
      const instant = parseDateTime(String(value), options.timeZone);
      return instant === undefined ? String(value) : displayDateTime(instant, options.timeZone);
    }
    case 'file':
      return (Array.isArray(value) ? value : [value])
        .map((file) => String((file as { name?: unknown } | null)?.name ?? ''))
        .join(', ');
    case 'checkboxes':
      return Array.isArray(value) ? value.map((v) => choiceLabel(field, String(v), options)).join(', ') : String(value);
    case 'radios':
    case 'select':
    case 'autocomplete':
      return choiceLabel(field, String(value), options);
    default:
      return String(value);
  }
}

function choiceLabel(field: CompiledField, value: string, options: SummariseOptions): string {
  return (
    field.options?.get(value) ??
    (field.reference ? options.reference?.label(field.reference, value) : undefined) ??
    value
  );
}
