import { createHash } from 'node:crypto';
import { compileForm, type CompiledField, type FormDefinition } from '../forms/engine/index.js';
import type { TermDictionary } from '../forms/engine/engine-types.js';
import { pluginSchema } from '../sdk/schema.js';

/** The PostgreSQL type a reported field is kept as. */
export type ColumnType = 'text' | 'numeric' | 'boolean' | 'date' | 'timestamptz' | 'text[]';

/** One reported field: its answer, and the column the read model keeps it in. */
export interface ReadModelColumn {
  /** The field's name in the form (and in report queries). */
  field: string;
  column: string;
  type: ColumnType;
  label: string;
  /** Inline option labels (value → label). */
  options?: ReadonlyMap<string, string>;
  /** Reference set whose row labels name the values. */
  reference?: string;
  /** Whether a workflow action's form also answers it: the latest action's answer then wins. */
  fromActions?: boolean;
}

/** A repeating group with reported fields: one row per item. */
export interface ReadModelGroup {
  field: string;
  table: string;
  label: string;
  columns: ReadModelColumn[];
}

/** What the core keeps of one plugin's cases for reports, derived from its start form. */
export interface ReadModelDefinition {
  pluginId: string;
  schema: string;
  formId: string;
  /** The start-form field whose answer is the case's time in reports (`at`); the submission time otherwise. */
  timeField?: string;
  columns: ReadModelColumn[];
  groups: ReadModelGroup[];
  /** Changes whenever the shape changes: the read model is rebuilt from the cases then. */
  shapeHash: string;
}

/** Columns every read model has, named as report queries name them. */
export const CORE_COLUMNS = {
  caseId: { column: 'case_id', type: 'uuid' },
  reference: { column: 'reference', type: 'text' },
  state: { column: 'state', type: 'text' },
  ownerTeam: { column: 'owner_team', type: 'text' },
  submittedBy: { column: 'submitted_by', type: 'uuid' },
  submittedAt: { column: 'submitted_at', type: 'timestamptz' },
  updatedAt: { column: 'updated_at', type: 'timestamptz' },
  at: { column: 'at', type: 'timestamptz' },
} as const;

export type CoreColumn = keyof typeof CORE_COLUMNS;

const TYPE_OF: Partial<Record<CompiledField['kind'], ColumnType>> = {
  text: 'text',
  textarea: 'text',
  email: 'text',
  phone: 'text',
  time: 'text',
  radios: 'text',
  select: 'text',
  autocomplete: 'text',
  number: 'numeric',
  calculated: 'numeric',
  'yes-no': 'boolean',
  date: 'date',
  'date-time': 'timestamptz',
  checkboxes: 'text[]',
};

/** `occurredAt` → `occurred_at`. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Thrown when a form's report marks cannot make a read model; the message is a quarantine reason. */
export class ReadModelError extends Error {}

/**
 * The read model of a plugin whose start form marks fields with `"report": true` (or
 * `"report": "time"` for the field that dates the case). Undefined when nothing is marked.
 */
export function readModelOf(
  pluginId: string,
  form: FormDefinition,
  terms: TermDictionary,
  actionForms: readonly FormDefinition[] = [],
): ReadModelDefinition | undefined {
  const compiled = compileForm(form, terms);
  const problems: string[] = [];
  let timeField: string | undefined;
  const columnOf = (f: CompiledField, where: string, inGroup = false): ReadModelColumn | undefined => {
    const mark = (f.source as { report?: unknown }).report;
    if (mark === undefined || mark === false) return undefined;
    if (mark !== true && mark !== 'time') {
      problems.push(`${where}: "report" must be true or "time"`);
      return undefined;
    }
    const type = TYPE_OF[f.kind];
    if (!type) {
      problems.push(`${where}: a ${f.kind} field cannot be reported`);
      return undefined;
    }
    if (mark === 'time') {
      if (type !== 'timestamptz' && type !== 'date') problems.push(`${where}: only a date or date-time can be "time"`);
      else if (timeField || inGroup) problems.push(`${where}: only one top-level field can be "time"`);
      else timeField = f.name;
    }
    return {
      field: f.name,
      column: snake(f.name),
      type,
      label: f.label,
      ...(f.options ? { options: f.options } : {}),
      ...(f.reference ? { reference: f.reference } : {}),
    };
  };
  const columns: ReadModelColumn[] = [];
  const groups: ReadModelGroup[] = [];
  const core = new Set<string>([...Object.keys(CORE_COLUMNS), ...Object.values(CORE_COLUMNS).map((c) => c.column)]);
  for (const f of compiled.root.fields) {
    if (f.kind === 'group') {
      const children = (f.children?.fields ?? [])
        .map((c) => columnOf(c, `${form.id}.${f.name}.${c.name}`, true))
        .filter((c): c is ReadModelColumn => Boolean(c));
      if (children.length > 0)
        groups.push({ field: f.name, table: `case_${snake(f.name)}`, label: f.label, columns: children });
      continue;
    }
    const column = columnOf(f, `${form.id}.${f.name}`);
    if (!column) continue;
    if (core.has(column.field) || core.has(column.column))
      problems.push(`${form.id}.${f.name}: "${f.name}" is a name the read model keeps for itself; rename the field`);
    columns.push(column);
  }
  // A field an action's form marks is kept current by that action (a corrected outcome, say).
  for (const actionForm of actionForms) {
    for (const f of compileForm(actionForm, terms).root.fields) {
      if (f.kind === 'group') continue;
      const column = columnOf(f, `${actionForm.id}.${f.name}`, true);
      if (!column) continue;
      const same = columns.find((c) => c.field === column.field);
      if (same && same.type !== column.type)
        problems.push(
          `${actionForm.id}.${f.name}: the start form keeps "${f.name}" as ${same.type}, not ${column.type}`,
        );
      else if (same) same.fromActions = true;
      else if (core.has(column.field) || core.has(column.column))
        problems.push(
          `${actionForm.id}.${f.name}: "${f.name}" is a name the read model keeps for itself; rename the field`,
        );
      else columns.push({ ...column, fromActions: true });
    }
  }
  if (problems.length > 0) throw new ReadModelError(`report marks: ${problems.join('; ')}`);
  if (columns.length === 0 && groups.length === 0) return undefined;
  const shape = JSON.stringify({
    version: 2,
    timeField,
    columns: columns.map((c) => [c.column, c.type, Boolean(c.fromActions)]),
    groups: groups.map((g) => [g.table, g.columns.map((c) => [c.column, c.type])]),
  });
  return {
    pluginId,
    schema: pluginSchema(pluginId),
    formId: form.id,
    ...(timeField ? { timeField } : {}),
    columns,
    groups,
    shapeHash: createHash('sha256').update(shape).digest('hex').slice(0, 16),
  };
}
