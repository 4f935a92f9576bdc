/**
 * The report SDK's view of a plugin's cases: counts, sums and rows over its read model, always
 * within the report's scope, with the labels of options, reference rows, teams and states
 * applied. Names are the form's field names, or one of the columns every read model has:
 * `reference`, `state`, `ownerTeam` (the team that owns the case), `submittedBy`,
 * `submittedAt`, `updatedAt` and `at` (the field marked `"report": "time"`, else `submittedAt`).
 * A date or time name followed by `.day`, `.week` or `.month` (`at.week`) is the UK day, the
 * Monday of its week (both `yyyy-mm-dd`) or its month (`yyyy-mm`), for grouping by period.
 */

/** A value a filter compares with: the stored answer (an option value or reference id, not its label). */
export type FilterValue = string | number | boolean | null;

/** A filter on one name: a value, any of a list, or a comparison. */
export type FilterCondition =
  | FilterValue
  | FilterValue[]
  | { not?: FilterValue | FilterValue[]; gte?: FilterValue; gt?: FilterValue; lte?: FilterValue; lt?: FilterValue };

/** Every condition must hold. A multi-valued field (checkboxes) matches when any of its values does. */
export type Filter = Record<string, FilterCondition>;

/** A stretch of time in UK time: from (inclusive) to (exclusive) as instants. */
export interface Period {
  from: Date;
  to: Date;
}

/** What to compute for each group of rows. */
export type Measure =
  | { count: true | Filter }
  /** With `times`, the sum of the product of two numbers (staff × shift minutes: staff minutes). */
  | { sum: string; times?: string; where?: Filter }
  | { avg: string; where?: Filter }
  | { min: string; where?: Filter }
  | { max: string; where?: Filter }
  /** In an item group's query: the number of distinct cases. */
  | { cases: true; where?: Filter }
  /** How many different values a name takes (teams reporting); nulls are not counted. */
  | { distinct: string; where?: Filter };

export interface AggregateQuery<M extends string = string> {
  /** Names to group by; a multi-valued field counts each case once per value. */
  by?: string | string[];
  /** Measures by output name; `{ count: { count: true } }` when left out. */
  measures?: Record<M, Measure>;
  where?: Filter;
  /** Only cases whose `at` falls in the period. */
  within?: Period;
}

/** One group: its `by` names as labels, its measures as numbers, and the raw values in `ids`. */
export type AggregateRow<M extends string = string> = Record<M, number> &
  Record<string, unknown> & { ids: Record<string, string | null> };

export interface RowsQuery {
  /** Names to read, in order; values of choice fields come back as labels. */
  columns: string[];
  where?: Filter;
  within?: Period;
  /** Names to sort by, oldest or smallest first; `-name` for descending. Defaults to `at`, `reference`. */
  orderBy?: string[];
  /** Adds `<group>Count`: how many items each case has in that repeating group. */
  countItems?: string[];
}

/** Counting over one repeating group's items (joined to their case). */
export interface ItemQueries {
  /** Groups items by item fields or case fields (an item field wins a name clash). */
  aggregate<M extends string = 'count'>(query: AggregateQuery<M>): Promise<AggregateRow<M>[]>;
}

export interface ReportCases {
  aggregate<M extends string = 'count'>(query: AggregateQuery<M>): Promise<AggregateRow<M>[]>;
  /** How many cases match. */
  count(query?: { where?: Filter; within?: Period }): Promise<number>;
  /** The matching cases read through a cursor a batch at a time: hand to `ReportData.rows`. */
  rows(query: RowsQuery): () => AsyncIterable<Record<string, unknown>>;
  /** The items of a repeating group marked for reporting. */
  items(group: string): ItemQueries;
}

/**
 * Names with their headings (`{ port: 'Location' }`), or names alone (`['port']`): a name alone
 * is headed as a breakdown of the same name is, else `Reference`, `State`, `Team` (ownerTeam),
 * `Submitted`, `Updated`, `When` (at), else after the name (`actionNeeded` → `Action needed`).
 */
export type Headed = Record<string, string> | string[];

/** How a summary report shows one breakdown. */
export interface Breakdown {
  /** The first column's heading. */
  heading: string;
  /** The table's title; `By <heading>` by default. */
  title?: string;
  /** The figures it shows, by name; every figure by default. */
  measures?: string[];
  /** Adds a column with the first figure's share of the whole period's headline (`% of reports`). */
  share?: boolean;
  /** The total row's label (`All ports`), or false for none; `Total` by default. */
  total?: string | false;
  /** Whether to chart its first figure; only the first breakdown of one name is charted by default. */
  chart?: boolean;
  /**
   * Further names to group by within each value of the first (`{ mode: 'Mode of transport' }`):
   * one row per combination, a column each after the first.
   */
  with?: Headed;
}

/** A figure of a summary report: what to compute, and what to call it. */
export type SummaryMeasure = Measure & {
  /** Its name in the key figures, and its column heading unless `column` is given. */
  label: string;
  /** A shorter column heading for the breakdown tables. */
  column?: string;
  /**
   * Computed over the items of this repeating group (`{ sum: 'minutes', items: 'activities' }`),
   * each breakdown grouping them by the case's value of its names.
   */
  items?: string;
  /** Divides the figure, e.g. `60` to show a sum of minutes as hours. */
  divideBy?: number;
  /** Decimal places shown: 0 for counts and plain sums, 1 for averages and divided figures. */
  decimals?: number;
};

/**
 * A report declared instead of written: the core runs the queries and lays out the PDF (key
 * figures for the period, a table per breakdown with the first also charted, then the cases
 * listed). Names are as in `ReportCases` queries: the form's fields marked for reporting, or
 * `reference`, `state`, `ownerTeam`, `submittedAt`, `updatedAt` and `at`.
 */
export interface ReportSummary {
  /**
   * The figures, in order. The first is the headline: every other count shows its share of it.
   * Each is computed for the whole period and for every group of every breakdown.
   */
  measures: Record<string, SummaryMeasure>;
  /**
   * Breakdowns, in order: name → its heading (`{ category: 'Category' }`) or how to show it; a
   * multi-valued field (checkboxes) gets no total row, as a case counts under each of its values.
   */
  by?: Record<string, string | Breakdown> | string[];
  /** Breakdowns over a repeating group's items: `group` names the group, `by` its fields. */
  items?: {
    group: string;
    title: string;
    by: Record<string, string | Breakdown> | string[];
    measures: Record<string, SummaryMeasure>;
  }[];
  /** The cases listed after the summary, oldest first. */
  list?: Headed;
  /** The list's heading; "Every case" by default. */
  listTitle?: string;
  /** Only cases matching this filter are counted and listed. */
  where?: Filter;
  /** A paragraph after the key figures (how things are counted). */
  note?: string;
  /** Shown instead of everything after the headline when the headline is 0. */
  empty?: string;
}
