import { ApiFieldError } from '../../core/api/api-error';
import { DATE_PARTS, type DatePart, type DateParts } from '../../core/ui/date-input';
import { FieldProblem } from '../../core/ui/error-summary';
import { ID_MAX, LABEL_MAX, REFERENCE_ADMIN_MESSAGES as M, ROW_FIELDS } from './reference-admin.messages';
import { AddRowRequest, AdminReferenceRow } from './reference-admin.service';

/** Plain TypeScript behind the reference data page's forms (no Angular), so it can be tested alone. */

/** The boxes of a GOV.UK date input, and their order (the shared date input's). */
export { DATE_PARTS, type DatePart, type DateParts } from '../../core/ui/date-input';

/** What the admin has entered to add a row. */
export interface NewRowInput {
  label: string;
  id: string;
  parent: string;
  workflows: readonly string[];
  from: DateParts;
  to: DateParts;
  /** `name = value` lines. */
  attributes: string;
}

/** What the admin has entered to end-date a row. */
export interface EndRowInput {
  rowId: string;
  to: DateParts;
}

/** A problem on a form; for a date, the boxes at fault (all of them when not given). */
export interface RowProblem extends FieldProblem {
  parts?: readonly DatePart[];
}

const ROW_ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const ATTRIBUTE = /^([A-Za-z][A-Za-z0-9]*)\s*=\s*(.*)$/;

/** Empty date boxes. */
export function emptyDate(): DateParts {
  return { day: '', month: '', year: '' };
}

/** An empty "add a row" form. */
export function emptyRow(): NewRowInput {
  return { label: '', id: '', parent: '', workflows: [], from: emptyDate(), to: emptyDate(), attributes: '' };
}

/** An empty "end-date a row" form. */
export function emptyEnd(): EndRowInput {
  return { rowId: '', to: emptyDate() };
}

/** Checks the new row as GOV.UK asks (required answers, real dates) and builds the request. */
export function checkNewRow(
  input: NewRowInput,
  perWorkflow: boolean,
): { request: AddRowRequest | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const label = input.label.trim();
  const id = input.id.trim();
  if (!label) problems.push({ fieldId: ROW_FIELDS.label, message: M.labelRequired });
  else if (label.length > LABEL_MAX) problems.push({ fieldId: ROW_FIELDS.label, message: M.labelTooLong });
  if (!id) problems.push({ fieldId: ROW_FIELDS.id, message: M.idRequired });
  else if (id.length > ID_MAX) problems.push({ fieldId: ROW_FIELDS.id, message: M.idTooLong });
  else if (!ROW_ID.test(id)) problems.push({ fieldId: ROW_FIELDS.id, message: M.idFormat });
  if (perWorkflow && input.workflows.length === 0)
    problems.push({ fieldId: ROW_FIELDS.workflows, message: M.workflowsRequired });
  const from = dateValue(ROW_FIELDS.validFrom, 'The start date', input.from, null);
  const to = dateValue(ROW_FIELDS.validTo, 'The end date', input.to, null);
  for (const result of [from, to]) if ('problem' in result) problems.push(result.problem);
  const attributes = parseAttributes(input.attributes);
  if ('line' in attributes)
    problems.push({ fieldId: ROW_FIELDS.attributes, message: M.attributeLine(attributes.line) });
  if (problems.length || !('value' in from) || !('value' in to) || !('attributes' in attributes))
    return { request: null, problems };
  const request: AddRowRequest = { id, label };
  if (input.parent) request.parent = input.parent;
  if (perWorkflow) request.workflows = [...input.workflows];
  if (from.value) request.validFrom = from.value;
  if (to.value) request.validTo = to.value;
  if (attributes.attributes) request.attributes = attributes.attributes;
  return { request, problems };
}

/** Checks the end-date form and builds the change. */
export function checkEndRow(input: EndRowInput): {
  request: { rowId: string; validTo: string } | null;
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  if (!input.rowId) problems.push({ fieldId: ROW_FIELDS.endRow, message: M.endRowRequired });
  const to = dateValue(ROW_FIELDS.endTo, 'The end date', input.to, M.endDateRequired);
  if ('problem' in to) problems.push(to.problem);
  if (problems.length || !('value' in to) || !to.value) return { request: null, problems };
  return { request: { rowId: input.rowId, validTo: to.value }, problems };
}

/** Places the core's 400 errors for a new row on the inputs they are about; others go unlinked. */
export function rowServerProblems(errors: readonly ApiFieldError[]): RowProblem[] {
  const at: Record<string, string> = {
    id: ROW_FIELDS.id,
    label: ROW_FIELDS.label,
    parent: ROW_FIELDS.parent,
    workflows: ROW_FIELDS.workflows,
    validFrom: `${ROW_FIELDS.validFrom}-day`,
    validTo: `${ROW_FIELDS.validTo}-day`,
    attributes: ROW_FIELDS.attributes,
  };
  return errors.map((e) => ({ fieldId: at[e.path.split(/[.[]/)[0]!] ?? '', message: e.message }));
}

/** Places the core's 400 errors for an end date on the date; others go unlinked. */
export function endServerProblems(errors: readonly ApiFieldError[]): RowProblem[] {
  return errors.map((e) => ({ fieldId: e.path === 'validTo' ? `${ROW_FIELDS.endTo}-day` : '', message: e.message }));
}

/** The problem shown beside an input or a date (by its id), if any. */
export function problemOn(problems: readonly RowProblem[], id: string): RowProblem | null {
  return problems.find((p) => p.fieldId === id || p.fieldId.startsWith(`${id}-`)) ?? null;
}

/** `name = value` lines as attributes (text values), or the first line (1-based) that is not one. */
export function parseAttributes(text: string): { attributes: Record<string, string> | null } | { line: number } {
  const attributes: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = ATTRIBUTE.exec(line);
    if (!match || !match[2]!.trim()) return { line: i + 1 };
    attributes[match[1]!] = match[2]!.trim();
  }
  return { attributes: Object.keys(attributes).length ? attributes : null };
}

/** Whether the set is a tree, so a new row may have a parent. */
export function isTree(rows: readonly AdminReferenceRow[]): boolean {
  return rows.some((r) => r.parent !== null);
}

/** A date (YYYY-MM-DD) as GOV.UK writes it: "12 April 2026". */
export function displayDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, day!)),
  );
}

type Checked = { value: string | null } | { problem: RowProblem };

function dateValue(id: string, subject: string, raw: DateParts, required: string | null): Checked {
  const parts = { day: raw.day.trim(), month: raw.month.trim(), year: raw.year.trim() };
  const at = (message: string, bad: readonly DatePart[] = DATE_PARTS): Checked => ({
    problem: { fieldId: `${id}-${bad[0]}`, message, parts: bad },
  });
  const missing = DATE_PARTS.filter((p) => !parts[p]);
  if (missing.length === DATE_PARTS.length) return required ? at(required) : { value: null };
  if (missing.length) return at(M.mustInclude(subject, missingWords(missing)), missing);
  if (!/^\d{4}$/.test(parts.year)) return at(M.yearDigits(subject), ['year']);
  const [day, month, year] = DATE_PARTS.map((p) => (/^\d{1,2}$|^\d{4}$/.test(parts[p]) ? +parts[p] : NaN));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  const real =
    year! >= 2000 && date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  if (!real) return at(M.realDate(subject));
  return { value: date.toISOString().slice(0, 10) };
}

/** "a month and year": the missing boxes in words, GOV.UK style. */
function missingWords(missing: readonly DatePart[]): string {
  const words = [`a ${missing[0]}`, ...missing.slice(1)];
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
