import type { EntityManager } from 'typeorm';
import type {
  AggregateQuery,
  AggregateRow,
  Filter,
  FilterCondition,
  ItemQueries,
  Measure,
  Period,
  ReportCases,
  RowsQuery,
} from '../sdk/report-cases.types.js';
import { CORE_COLUMNS, type ColumnType, type ReadModelDefinition } from './read-model.definition.js';

/** Turns a stored value of a name into what a report shows (an option's or row's label). */
export type Labeller = (name: string, value: string) => string;

/** A report asked for something its read model does not have: a developer's mistake, named. */
export class ReportQueryError extends Error {}

interface Resolved {
  sql: string;
  type: ColumnType | 'uuid';
}

type Stream = (sql: string, params: unknown[]) => AsyncIterable<Record<string, unknown>>;

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * `ReportCases` over one plugin's read model. Every query carries the report's scope (its teams
 * as an indexable `owner_team = ANY(...)`), whatever the plugin asks; values come back labelled.
 */
export class ReadModelQueries implements ReportCases {
  private readonly schema: string;

  constructor(
    private readonly manager: EntityManager,
    private readonly def: ReadModelDefinition,
    private readonly label: Labeller,
    private readonly stream: Stream,
    /** The teams whose cases the report may read; null for every team (admins). */
    private readonly scopeTeams: readonly string[] | null,
  ) {
    this.schema = q(def.schema);
  }

  async aggregate<M extends string = 'count'>(query: AggregateQuery<M>): Promise<AggregateRow<M>[]> {
    return this.run(query, `${this.schema}.read_case c`, (name) => this.caseColumn(name));
  }

  async count(query: { where?: Filter; within?: Period } = {}): Promise<number> {
    const [row] = await this.aggregate({ ...query, measures: { n: { count: true } } });
    return row?.n ?? 0;
  }

  rows(query: RowsQuery): () => AsyncIterable<Record<string, unknown>> {
    const params: unknown[] = [];
    const where = this.whereSql(query, params, (name) => this.caseColumn(name));
    const select = query.columns.map((name) => `${this.caseColumn(name).sql} AS ${q(name)}`);
    for (const group of query.countItems ?? []) {
      const g = this.group(group);
      select.push(
        `(SELECT count(*)::int FROM ${this.schema}.${q(`read_${g.table}`)} i WHERE i.case_id = c.case_id) AS ${q(`${group}Count`)}`,
      );
    }
    const order = (query.orderBy ?? ['at', 'reference']).map((o) =>
      o.startsWith('-') ? `${this.caseColumn(o.slice(1)).sql} DESC` : this.caseColumn(o).sql,
    );
    const sql = `SELECT ${select.join(', ')} FROM ${this.schema}.read_case c ${where} ORDER BY ${order.join(', ')}`;
    const labelled = (row: Record<string, unknown>) => {
      for (const name of query.columns) row[name] = this.labelValue(name, row[name]);
      return row;
    };
    const stream = this.stream;
    return async function* () {
      for await (const row of stream(sql, params)) yield labelled(row);
    };
  }

  items(group: string): ItemQueries {
    const g = this.group(group);
    const from = `${this.schema}.read_case c JOIN ${this.schema}.${q(`read_${g.table}`)} i ON i.case_id = c.case_id`;
    return {
      aggregate: <M extends string = 'count'>(query: AggregateQuery<M>) =>
        this.run(query, from, (name) => {
          const item = g.columns.find((c) => c.field === name);
          return item ? { sql: `i.${q(item.column)}`, type: item.type } : this.caseColumn(name);
        }),
    };
  }

  private async run<M extends string>(
    query: AggregateQuery<M>,
    from: string,
    resolve: (name: string) => Resolved,
  ): Promise<AggregateRow<M>[]> {
    const params: unknown[] = [];
    const by = typeof query.by === 'string' ? [query.by] : (query.by ?? []);
    const joins: string[] = [];
    const keys = by.map((name, i) => {
      const column = resolve(name);
      if (column.type !== 'text[]') return column.sql;
      joins.push(`CROSS JOIN LATERAL unnest(${column.sql}) AS ${q(`u${i}`)}(v)`);
      return `${q(`u${i}`)}.v`;
    });
    const measures = Object.entries((query.measures ?? { count: { count: true } }) as Record<string, Measure>);
    const select = [
      ...keys.map((k, i) => `${k}::text AS ${q(`b${i}`)}`),
      ...measures.map(([, m], i) => `${this.measureSql(m, params, resolve)} AS ${q(`m${i}`)}`),
    ];
    const where = this.whereSql(query, params, resolve);
    const group = keys.length > 0 ? `GROUP BY ${keys.map((_, i) => q(`b${i}`)).join(', ')}` : '';
    const rows = (await this.manager.query(
      `SELECT ${select.join(', ')} FROM ${from} ${joins.join(' ')} ${where} ${group}`,
      params,
    )) as Record<string, string | number | null>[];
    const result = rows.map((row) => {
      const out: Record<string, unknown> = { ids: {} };
      by.forEach((name, i) => {
        const id = row[`b${i}`] as string | null;
        (out.ids as Record<string, string | null>)[name] = id;
        out[name] = id === null ? null : this.label(name, id);
      });
      measures.forEach(([name], i) => (out[name] = row[`m${i}`] === null ? 0 : Number(row[`m${i}`])));
      return out as AggregateRow<M>;
    });
    const first = measures[0]?.[0];
    return result.sort(
      (a, b) =>
        (first ? Number(b[first]) - Number(a[first]) : 0) ||
        by.map((name) => String(a[name] ?? '').localeCompare(String(b[name] ?? ''))).find((n) => n !== 0) ||
        0,
    );
  }

  private measureSql(measure: Measure, params: unknown[], resolve: (name: string) => Resolved): string {
    const filter = (where: Filter | undefined) => {
      const conditions = this.conditions(where, params, resolve);
      return conditions.length > 0 ? ` FILTER (WHERE ${conditions.join(' AND ')})` : '';
    };
    if ('count' in measure) return `count(*)${filter(measure.count === true ? undefined : measure.count)}`;
    if ('cases' in measure) return `count(DISTINCT c.case_id)${filter(measure.where)}`;
    if ('distinct' in measure) return `count(DISTINCT ${resolve(measure.distinct).sql})${filter(measure.where)}`;
    const [fn, name] =
      'sum' in measure
        ? ['sum', measure.sum]
        : 'avg' in measure
          ? ['avg', measure.avg]
          : 'min' in measure
            ? ['min', measure.min]
            : ['max', measure.max];
    const number = (n: string) => {
      const column = resolve(n);
      if (column.type !== 'numeric')
        throw new ReportQueryError(`"${n}" is not a number, so it cannot be summed or averaged`);
      return column.sql;
    };
    const column = number(name);
    const times = 'times' in measure && measure.times !== undefined ? ` * ${number(measure.times)}` : '';
    const value = `${fn}(${column}${times})${filter(measure.where)}`;
    return fn === 'sum' ? `coalesce(${value}, 0)` : value;
  }

  private whereSql(
    query: { where?: Filter; within?: Period },
    params: unknown[],
    resolve: (name: string) => Resolved,
  ): string {
    const conditions = this.conditions(query.where, params, resolve);
    if (this.scopeTeams !== null) conditions.push(`c.owner_team = ANY($${params.push(this.scopeTeams)}::text[])`);
    if (query.within) {
      conditions.push(`c.at >= $${params.push(query.within.from)}`, `c.at < $${params.push(query.within.to)}`);
    }
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  }

  private conditions(where: Filter | undefined, params: unknown[], resolve: (name: string) => Resolved): string[] {
    return Object.entries(where ?? {}).map(([name, condition]) => condition_(resolve(name), condition, params));
  }

  private caseColumn(name: string): Resolved {
    const bucket = /^(.+)\.(day|week|month)$/.exec(name);
    if (bucket) {
      const base = bucket[1]!;
      const unit = bucket[2]!;
      const column = this.caseColumn(base);
      if (column.type !== 'timestamptz' && column.type !== 'date')
        throw new ReportQueryError(`"${base}" is not a date or time, so it has no .${unit}`);
      const local = column.type === 'date' ? column.sql : `(${column.sql} AT TIME ZONE 'Europe/London')`;
      const format = unit === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
      return { sql: `to_char(date_trunc('${unit}', ${local}), '${format}')`, type: 'text' };
    }
    const core = (CORE_COLUMNS as Record<string, { column: string; type: ColumnType | 'uuid' }>)[name];
    if (core) return { sql: `c.${q(core.column)}`, type: core.type };
    const column = this.def.columns.find((c) => c.field === name);
    if (!column)
      throw new ReportQueryError(
        `"${name}" is not in the ${this.def.pluginId} read model: mark the field with "report": true in forms/${this.def.formId}.form.json`,
      );
    return { sql: `c.${q(column.column)}`, type: column.type };
  }

  private group(name: string) {
    const g = this.def.groups.find((x) => x.field === name);
    if (!g) throw new ReportQueryError(`"${name}" is not a repeating group with fields marked for reporting`);
    return g;
  }

  private labelValue(name: string, value: unknown): unknown {
    if (typeof value === 'string' || typeof value === 'boolean') return this.label(name, String(value));
    if (Array.isArray(value)) return value.map((v) => this.label(name, String(v))).join(', ');
    return value;
  }
}

/** One filter condition as SQL, its values as parameters. */
function condition_(column: Resolved, condition: FilterCondition, params: unknown[]): string {
  const multi = column.type === 'text[]';
  const list = (values: unknown[]) => {
    const real = values.filter((v) => v !== null);
    const hasNull = real.length < values.length;
    const match = multi
      ? `${column.sql} && $${params.push(real.map(String))}::text[]`
      : `${column.sql} = ANY($${params.push(real)})`;
    return hasNull ? `(${match} OR ${column.sql} IS NULL)` : match;
  };
  if (condition === null) return `${column.sql} IS NULL`;
  if (Array.isArray(condition)) return list(condition);
  if (typeof condition !== 'object') return multi ? list([condition]) : `${column.sql} = $${params.push(condition)}`;
  const parts: string[] = [];
  if (condition.not !== undefined) {
    const values = Array.isArray(condition.not) ? condition.not : [condition.not];
    parts.push(`NOT coalesce(${list(values)}, false)`);
  }
  const ops = [
    ['gte', '>='],
    ['gt', '>'],
    ['lte', '<='],
    ['lt', '<'],
  ] as const;
  for (const [key, op] of ops)
    if (condition[key] !== undefined) parts.push(`${column.sql} ${op} $${params.push(condition[key])}`);
  return parts.length > 0 ? `(${parts.join(' AND ')})` : 'TRUE';
}
