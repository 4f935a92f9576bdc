import type { ColumnType, ReadModelColumn, ReadModelDefinition } from './read-model.definition.js';

/**
 * SQL for a plugin's read model, generated from its definition. Identifiers come from field
 * names the form engine has checked (letters and digits) and are quoted anyway.
 *
 * Storage: `read_case` (one row per case) and `read_case_<group>` (one row per item), owned by
 * the core in the plugin's schema. Surface (version 1, what a plugin's own SQL may read):
 * `case_v1`, `<group>_v1`, `reference_v1` and `message_v1`. The case views only ever show the cases in the
 * report's scope: the core sets `cop.scope_teams` (or `cop.scope_all`) in the report's
 * transaction, and without it they show nothing.
 */

export const SURFACE_VERSION = 1;

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The answer of `field` in the JSON `source`, as the column's type. */
function answerSql(source: string, field: string, type: ColumnType): string {
  const text = `${source}->>'${field.replace(/'/g, "''")}'`;
  switch (type) {
    case 'text':
      return `(${text})`;
    case 'numeric':
      return `CASE WHEN jsonb_typeof(${source}->'${field}') = 'number' THEN (${text})::numeric END`;
    case 'boolean':
      return `CASE WHEN jsonb_typeof(${source}->'${field}') = 'boolean' THEN (${text})::boolean END`;
    case 'date':
      return `(${text})::date`;
    case 'timestamptz':
      // Date-time answers are UK wall time (`2026-10-30T23:30`).
      return `((${text})::timestamp AT TIME ZONE 'Europe/London')`;
    case 'text[]':
      return `CASE WHEN jsonb_typeof(${source}->'${field}') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(${source}->'${field}')) END`;
  }
}

const columnDdl = (c: ReadModelColumn) => `${q(c.column)} ${c.type}`;
const scoped = (alias: string) =>
  `(current_setting('cop.scope_all', true) = 'on' OR ${alias}.owner_team = ANY(nullif(current_setting('cop.scope_teams', true), '')::text[]))`;

/** Drops and creates the read model's tables, indexes and surface views. */
export function createSql(def: ReadModelDefinition): string[] {
  const s = q(def.schema);
  const caseColumns = def.columns.map(columnDdl);
  const statements = [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `DROP VIEW IF EXISTS ${s}.case_v1 CASCADE`,
    ...def.groups.map((g) => `DROP VIEW IF EXISTS ${s}.${q(`${g.field}_v1`)}`),
    `DROP TABLE IF EXISTS ${s}.read_case CASCADE`,
    `CREATE TABLE ${s}.read_case (
      case_id uuid PRIMARY KEY REFERENCES core.case(id) ON DELETE CASCADE,
      reference text NOT NULL,
      state text NOT NULL,
      owner_team text,
      submitted_by uuid,
      submitted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      at timestamptz NOT NULL${caseColumns.map((c) => `,\n      ${c}`).join('')}
    )`,
    // The monthly queries: a range of `at`, within the caller's teams.
    // Covering (every column but arrays), so a month's counts are an index-only range scan.
    `CREATE INDEX read_case_at_idx ON ${s}.read_case (at) INCLUDE (owner_team, state, reference${def.columns
      .filter((c) => c.type !== 'text[]')
      .map((c) => `, ${q(c.column)}`)
      .join('')})`,
    `CREATE INDEX read_case_team_at_idx ON ${s}.read_case (owner_team, at)`,
    `CREATE OR REPLACE VIEW ${s}.case_v1 AS SELECT * FROM ${s}.read_case c WHERE ${scoped('c')}`,
  ];
  for (const g of def.groups) {
    const table = q(`read_${g.table}`);
    statements.push(
      `DROP TABLE IF EXISTS ${s}.${table} CASCADE`,
      `CREATE TABLE ${s}.${table} (
        case_id uuid NOT NULL REFERENCES ${s}.read_case(case_id) ON DELETE CASCADE,
        line integer NOT NULL${g.columns.map((c) => `,\n        ${columnDdl(c)}`).join('')}
      )`,
      `CREATE INDEX ${q(`read_${g.table}_case_idx`)} ON ${s}.${table} (case_id)`,
      `CREATE OR REPLACE VIEW ${s}.${q(`${g.field}_v1`)} AS
        SELECT i.* FROM ${s}.${table} i JOIN ${s}.read_case c ON c.case_id = i.case_id WHERE ${scoped('c')}`,
    );
  }
  statements.push(...surfaceSql(def));
  return statements;
}

/** The surface views that do not depend on the read model's shape (created on every install if missing). */
export function surfaceSql(def: ReadModelDefinition): string[] {
  const s = q(def.schema);
  return [
    `CREATE OR REPLACE VIEW ${s}.reference_v1 AS
      SELECT set_id, id, label, parent, attributes, flags, valid_from, valid_to FROM core.reference_row`,
    // Messages the core sends other systems about these cases (Cerberus outcomes, notifications),
    // not its own case events; newest last by id. Through outbox_case_events_idx, never the whole outbox.
    `CREATE OR REPLACE VIEW ${s}.message_v1 AS
      SELECT ob.id, ob.case_id, ob.topic, ob.status, ob.attempts, ob.created_at, ob.delivered_at
        FROM core.outbox ob JOIN ${s}.read_case c ON c.case_id = ob.case_id
       WHERE ob.topic NOT LIKE 'case.%' AND ${scoped('c')}`,
  ];
}

/** The surface view added last: when it is missing, the surface views are (re)created. */
export const LATEST_SURFACE_VIEW = 'message_v1';

/** Fills the read model from every case of the plugin (after a create). */
export function backfillSql(def: ReadModelDefinition): string {
  return syncSql(def, 'c.plugin_id = $1');
}

/**
 * One statement that writes the case's row and its items from `core.case`: on submission,
 * after every action and after any change of team or answers, in that transaction.
 */
export function syncSql(def: ReadModelDefinition, where = 'c.id = $1'): string {
  const s = q(def.schema);
  const time = def.columns.find((c) => c.field === def.timeField);
  const timeSql = time && answerSql('c.answers', time.field, time.type);
  // A date dates the case from midnight UK time.
  const at = timeSql
    ? `coalesce(${time.type === 'date' ? `(${timeSql}::timestamp AT TIME ZONE 'Europe/London')` : timeSql}, c.created_at)`
    : 'c.created_at';
  const names = [
    'case_id',
    'reference',
    'state',
    'owner_team',
    'submitted_by',
    'submitted_at',
    'updated_at',
    'at',
    ...def.columns.map((c) => c.column),
  ];
  const values = [
    'c.id',
    'c.business_key',
    'c.state',
    'c.team_id',
    'c.created_by',
    'c.created_at',
    'c.updated_at',
    at,
    ...def.columns.map((c) =>
      c.fromActions
        ? `coalesce(${answerSql('c.action_answers', c.field, c.type)}, ${answerSql('c.answers', c.field, c.type)})`
        : answerSql('c.answers', c.field, c.type),
    ),
  ];
  const parts = [
    `src AS (SELECT c.* FROM core.case c WHERE ${where})`,
    `up AS (INSERT INTO ${s}.read_case (${names.map(q).join(', ')})
      SELECT ${values.join(', ')} FROM src c
      ON CONFLICT (case_id) DO UPDATE SET ${names
        .slice(1)
        .map((n) => `${q(n)} = EXCLUDED.${q(n)}`)
        .join(', ')})`,
  ];
  def.groups.forEach((g, i) => {
    const table = `${s}.${q(`read_${g.table}`)}`;
    const list = `CASE WHEN jsonb_typeof(c.answers->'${g.field}') = 'array' THEN c.answers->'${g.field}' ELSE '[]'::jsonb END`;
    parts.push(
      `del${i} AS (DELETE FROM ${table} WHERE case_id IN (SELECT id FROM src))`,
      `ins${i} AS (INSERT INTO ${table} (case_id, line${g.columns.map((c) => `, ${q(c.column)}`).join('')})
        SELECT c.id, e.n${g.columns.map((c) => `, ${answerSql('e.v', c.field, c.type)}`).join('')}
          FROM src c CROSS JOIN LATERAL jsonb_array_elements(${list}) WITH ORDINALITY AS e(v, n))`,
    );
  });
  return `WITH ${parts.join(',\n')}\nSELECT count(*)::int AS cases FROM src`;
}
