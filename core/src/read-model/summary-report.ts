import type { ReportData, ReportQueryContext } from '../sdk/manifest.js';
import type {
  Breakdown,
  Filter,
  Headed,
  Measure,
  Period,
  ReportCases,
  ReportSummary,
  SummaryMeasure,
} from '../sdk/report-cases.types.js';
import { CORE_COLUMNS, type ColumnType, type ReadModelDefinition } from './read-model.definition.js';
import { ReadModelQueries } from './report-cases.js';

/**
 * Summary reports: a report declared as figures, breakdowns and a list (`summary` in the
 * manifest) gets its query and its template from here. The query runs on `ctx.cases`, so the
 * scope, the period and the labels are the core's as for any other report; the template is
 * ordinary report markup, compiled and checked like a plugin's own.
 */

const CORE_HEADINGS: Record<string, string> = {
  reference: 'Reference',
  state: 'State',
  ownerTeam: 'Team',
  submittedAt: 'Submitted',
  updatedAt: 'Updated',
  at: 'When',
};

/** `actionNeeded` → `Action needed`. */
const humanised = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
};

/** Names and their headings, in order (see `Headed`). */
export function headings(headed: Headed | undefined, known: Record<string, string> = {}): [string, string][] {
  if (!headed) return [];
  if (!Array.isArray(headed)) return Object.entries(headed);
  return headed.map((name) => [name, known[name] ?? CORE_HEADINGS[name] ?? humanised(name)]);
}

const names = (headed: Headed | ReportSummary['by']) => breakdowns(headed).map(([name]) => name);

/** Breakdowns with their options, in order. */
export function breakdowns(by: ReportSummary['by'] | Headed | undefined): [string, Breakdown][] {
  if (!by) return [];
  if (Array.isArray(by)) return headings(by).map(([name, heading]) => [name, { heading }]);
  return Object.entries(by).map(([name, b]) => [name, typeof b === 'string' ? { heading: b } : b]);
}

/** The query's part of a figure (what `ReportCases` computes), without how it is shown. */
export const measureOnly = ({
  label: _label,
  column: _column,
  items: _items,
  divideBy: _divideBy,
  decimals: _decimals,
  ...measure
}: SummaryMeasure): Measure => measure as Measure;

/** The names a breakdown groups by: its own, then its `with` names. */
const groupNames = (name: string, b: Breakdown) => [name, ...names(b.with ?? [])];

type Row = Record<string, unknown> & { ids: Record<string, string | null> };

/**
 * Figures grouped by `by`, each computed where it belongs: over the cases, or over the items of
 * its group (`items`, or the section's `group`), one query per place, merged on the values of
 * `by`. Rows are sorted as `ReportCases.aggregate` sorts them: first figure down, then labels.
 */
async function figuresBy(
  cases: ReportCases,
  measures: Record<string, SummaryMeasure>,
  query: { by: string[]; where?: Filter; within?: Period },
  group?: string,
): Promise<Row[]> {
  const places = new Map<string | undefined, Record<string, Measure>>();
  for (const [name, m] of Object.entries(measures)) {
    const place = m.items ?? group;
    places.set(place, { ...places.get(place), [name]: measureOnly(m) });
  }
  const merged = new Map<string, Row>();
  for (const [place, ms] of places) {
    const source = place === undefined ? cases : cases.items(place);
    for (const row of await source.aggregate({ ...query, measures: ms })) {
      const key = JSON.stringify(query.by.map((n) => row.ids[n]));
      merged.set(key, { ...merged.get(key), ...row });
    }
  }
  const rows = [...merged.values()];
  for (const row of rows)
    for (const [name, m] of Object.entries(measures)) {
      const value = Number(row[name] ?? 0);
      row[name] = m.divideBy ? value / m.divideBy : value;
    }
  const first = Object.keys(measures)[0]!;
  return rows.sort(
    (a, b) =>
      Number(b[first]) - Number(a[first]) ||
      query.by.map((n) => String(a[n] ?? '').localeCompare(String(b[n] ?? ''))).find((n) => n !== 0) ||
      0,
  );
}

/** The data of a summary report: totals, one list per breakdown, and the cases listed. */
export async function runSummary(summary: ReportSummary, ctx: Pick<ReportQueryContext, 'cases' | 'period'>) {
  return summaryData(summary, ctx.cases, ctx.period);
}

async function summaryData(
  summary: ReportSummary,
  cases: ReportCases,
  period: ReportQueryContext['period'],
): Promise<ReportData> {
  const within = period ? { from: period.from, to: period.to } : undefined;
  const where = summary.where;
  const [totals] = await figuresBy(cases, summary.measures, { by: [], where, within });
  const by: Record<string, unknown[]> = {};
  for (const [name, b] of breakdowns(summary.by))
    by[name] = await figuresBy(cases, summary.measures, { by: groupNames(name, b), where, within });
  const items: Record<string, unknown> = {};
  for (const [i, group] of (summary.items ?? []).entries()) {
    const breakdowns_: Record<string, unknown[]> = {};
    for (const [name, b] of breakdowns(group.by))
      breakdowns_[name] = await figuresBy(
        cases,
        group.measures,
        { by: groupNames(name, b), where, within },
        group.group,
      );
    const [groupTotals] = await figuresBy(cases, group.measures, { by: [], where, within }, group.group);
    items[`g${i}`] = { totals: groupTotals, by: breakdowns_ };
  }
  const list = names(summary.list);
  return {
    data: {
      period: period ? { from: period.fromDate, to: period.toDate } : null,
      totals: totals ?? {},
      by,
      items,
    },
    ...(list.length > 0 ? { rows: cases.rows({ columns: list, where, within }) } : {}),
  };
}

/**
 * Problems with a summary declaration, found by running its queries on the read model without a
 * database (every name is resolved as the real run would): empty when it is sound.
 */
export async function checkSummary(summary: ReportSummary, def: ReadModelDefinition | undefined): Promise<string[]> {
  const problems: string[] = [];
  const figures = Object.keys(summary.measures);
  if (figures.length === 0) problems.push('summary.measures is empty: declare at least one figure');
  if (!def) return [...problems, 'a summary report needs fields marked "report": true in the start form'];
  const grouped = (by: ReportSummary['by']) => breakdowns(by).flatMap(([name, b]) => groupNames(name, b));
  const clash = [
    ...grouped(summary.by).filter((n) => figures.includes(n)),
    ...(summary.items ?? []).flatMap((g) => grouped(g.by).filter((n) => Object.keys(g.measures).includes(n))),
  ];
  for (const name of clash) problems.push(`"${name}" is both a breakdown and a figure: rename the figure`);
  const all = [summary.measures, ...(summary.items ?? []).map((g) => g.measures)].flatMap((m) => Object.entries(m));
  for (const [name, m] of all) {
    if (m.divideBy !== undefined && !(typeof m.divideBy === 'number' && m.divideBy > 0))
      problems.push(`figure "${name}": divideBy must be a number above 0`);
    if (m.decimals !== undefined && !(Number.isInteger(m.decimals) && m.decimals >= 0 && m.decimals <= 6))
      problems.push(`figure "${name}": decimals must be a whole number from 0 to 6`);
  }
  for (const [name, b] of breakdowns(summary.by))
    for (const m of b.measures ?? [])
      if (!figures.includes(m)) problems.push(`breakdown "${name}" shows "${m}", which is not one of the figures`);
  const dry = new ReadModelQueries(
    { query: async () => [] } as never,
    def,
    (_name, value) => value,
    async function* () {},
    [],
  );
  try {
    await summaryData(summary, dry, { from: new Date(0), to: new Date(1), fromDate: '', toDate: '' }).then((d) =>
      d.rows?.(),
    );
  } catch (error: unknown) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

/** `&`, `<`, `>`, `"` and `{` as entities, so a heading can never become markup or a Handlebars expression. */
const text = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\{/g, '&#123;');
const lower = (heading: string) =>
  /^[A-Z][a-z]/.test(heading) ? heading[0]!.toLowerCase() + heading.slice(1) : heading;

const FORMAT_OF: Record<ColumnType | 'uuid', string> = {
  text: 'text',
  'text[]': 'text',
  boolean: 'text',
  uuid: 'text',
  numeric: 'number',
  date: 'date',
  timestamptz: 'datetime',
};

/** How a measure's value is written: whole numbers for counts and plain sums, one decimal otherwise. */
const decimals = (m: SummaryMeasure) =>
  m.decimals ?? (m.divideBy ? 1 : 'count' in m || 'cases' in m || 'distinct' in m || 'sum' in m ? 0 : 1);
const shown = (path: string, m: SummaryMeasure) => `{{formatNumber ${path}${decimals(m) ? ` ${decimals(m)}` : ''}}}`;

/** The report markup of a summary report, and the data fields it reads. */
export function summaryTemplate(
  summary: ReportSummary,
  def: ReadModelDefinition | undefined,
): { source: string; fields: string[] } {
  const fields = ['period.from', 'period.to'];
  const out: string[] = [];
  const entries = Object.entries(summary.measures);
  const [headlineName] = entries[0]!;
  const withShare = (name: string, m: SummaryMeasure, base: string) =>
    ('count' in m && m.count !== true) || 'cases' in m
      ? `${shown(`${base}.${name}`, m)} ({{percent ${base}.${name} ${base}.${headlineName}}})`
      : shown(`${base}.${name}`, m);

  out.push('<h2>Key figures</h2>', '<kv>');
  out.push('  {{#if period}}<item label="Period">{{formatDate period.from}} to {{formatDate period.to}}</item>{{/if}}');
  const [[, headline], ...others] = entries;
  fields.push(...entries.map(([name]) => `totals.${name}`));
  out.push(`  <item label="${text(headline!.label)}">${shown(`totals.${headlineName}`, headline!)}</item>`);
  if (summary.empty && others.length > 0) out.push(`  {{#if totals.${headlineName}}}`);
  for (const [name, m] of others) out.push(`  <item label="${text(m.label)}">${withShare(name, m, 'totals')}</item>`);
  if (summary.empty && others.length > 0) out.push('  {{/if}}');
  out.push('</kv>');
  if (summary.empty) out.push(`{{#if totals.${headlineName}}}`);
  if (summary.note) out.push(`<p tone="muted">${text(summary.note)}</p>`);

  const typeOf = (name: string) =>
    (CORE_COLUMNS as Record<string, { type: ColumnType | 'uuid' }>)[name]?.type ??
    def?.columns.find((c) => c.field === name)?.type ??
    def?.groups.flatMap((g) => g.columns).find((c) => c.field === name)?.type ??
    'text';
  /** Whether a name is a field of a repeating group's items (not of the case). */
  const itemField = (group: string | undefined, name: string) =>
    def?.groups.some((g) => g.field === group && g.columns.some((c) => c.field === name)) ?? false;
  const breakdown = (
    path: string,
    name: string,
    b: Breakdown,
    all: [string, SummaryMeasure][],
    chart: boolean,
    group?: string,
  ) => {
    const also = headings(b.with);
    // A count of the different values of the breakdown's own names is 1 on every row: left out.
    const own = (m: SummaryMeasure) => 'distinct' in m && groupNames(name, b).includes(m.distinct);
    const measures = (b.measures ? all.filter(([m]) => b.measures!.includes(m)) : all).filter(([, m]) => !own(m));
    fields.push(`${path}.${name}`, ...also.map(([n]) => `${path}.${n}`), ...measures.map(([m]) => `${path}.${m}`));
    const [firstName, first] = measures[0]!;
    const empty = summary.list ? 'None in this period.' : 'None.';
    const labelOf = (n: string) => `{{#if ${n}}}{{${n}}}{{else}}Not recorded{{/if}}`;
    const label = labelOf(name);
    if (b.chart ?? (chart && also.length === 0)) {
      out.push(
        `{{#if ${path}}}`,
        `<chart type="bar" title="${text(`${first.label} by ${lower(b.heading)}`)}" x-label="${text(b.heading)}" y-label="${text(first.column ?? first.label)}" height="160">`,
        `  {{#each ${path}}}<point label="${label}" value="{{${firstName}}}"/>{{/each}}`,
        '</chart>',
        '{{/if}}',
      );
    }
    // A case counts under each value of a multi-valued field, so its rows do not add up.
    const total = typeOf(name) === 'text[]' ? false : (b.total ?? 'Total');
    const title = [b.heading, ...also.map(([, h]) => h)].map(lower).join(' and ');
    out.push(`<h2>${text(b.title ?? `By ${title}`)}</h2>`);
    out.push(`<table${total === false ? '' : ` total-label="${text(total)}"`} empty="${empty}">`);
    out.push(`  <col label="${text(b.heading)}" width="${also.length > 0 ? 2.6 : 3}"/>`);
    for (const [, heading] of also) out.push(`  <col label="${text(heading)}" width="2.6"/>`);
    // A case counted under several items' values would be counted again in a total.
    const byItems = (g: string | undefined) => [name, ...also.map(([n]) => n)].some((n) => itemField(g, n));
    for (const [, m] of measures) {
      const adds = 'count' in m || 'sum' in m || ('cases' in m && !byItems(m.items ?? group));
      const sums = total !== false && adds ? ' total="sum"' : '';
      const format = decimals(m) ? `number" decimals="${decimals(m)}` : 'integer';
      out.push(`  <col label="${text(m.column ?? m.label)}" format="${format}" width="1.4"${sums}/>`);
    }
    if (b.share)
      out.push(`  <col label="${text(`% of ${lower(first.column ?? first.label)}`)}" format="percent" width="1.4"/>`);
    const cells = [
      ...also.map(([n]) => `<cell>${labelOf(n)}</cell>`),
      ...measures.map(([m, def_]) => `<cell>${shown(m, def_)}</cell>`),
    ];
    if (b.share) cells.push(`<cell>{{percent ${firstName} @root.totals.${headlineName}}}</cell>`);
    out.push(`  {{#each ${path}}}<row><cell>${label}</cell>${cells.join('')}</row>{{/each}}`, '</table>');
  };

  const byHeadings = breakdowns(summary.by);
  byHeadings.forEach(([name, b], i) => breakdown(`by.${name}`, name, b, entries, i === 0));
  (summary.items ?? []).forEach((group, i) => {
    const measures = Object.entries(group.measures);
    out.push(`<h2>${text(group.title)}</h2>`, '<kv>');
    for (const [name, m] of measures) {
      fields.push(`items.g${i}.totals.${name}`);
      out.push(`  <item label="${text(m.label)}">${shown(`items.g${i}.totals.${name}`, m)}</item>`);
    }
    out.push('</kv>');
    for (const [name, b] of breakdowns(group.by))
      breakdown(`items.g${i}.by.${name}`, name, b, measures, false, group.group);
  });

  const list = headings(summary.list, Object.fromEntries(byHeadings.map(([name, b]) => [name, b.heading])));
  if (list.length > 0) {
    out.push(
      '<pagebreak/>',
      `<h2>${text(summary.listTitle ?? 'Every case')}</h2>`,
      '<p tone="muted">Oldest first.</p>',
    );
    out.push('<table source="rows" empty="None in this period.">');
    for (const [name, heading] of list) {
      fields.push(`rows.${name}`);
      const type = typeOf(name);
      const width = type === 'timestamptz' || name === 'reference' ? 2 : name === 'ownerTeam' ? 2.6 : 1.6;
      out.push(`  <col label="${text(heading)}" field="${text(name)}" format="${FORMAT_OF[type]}" width="${width}"/>`);
    }
    out.push('</table>');
  }
  if (summary.empty) out.push('{{else}}', `<p>${text(summary.empty)}</p>`, '{{/if}}');
  return { source: `${out.join('\n')}\n`, fields };
}
