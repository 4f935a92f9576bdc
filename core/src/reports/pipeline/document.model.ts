import type { ValueFormat } from './format.js';

/**
 * The structured document a template's markup becomes. It is small on purpose:
 * everything a manager's report needs and nothing that can break the page.
 */
export type ReportBlock =
  HeadingBlock | ParagraphBlock | KeyValueBlock | TableBlock | ChartBlock | ImageBlock | PageBreakBlock;

/** A section heading; level 1 is the largest. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

/** A paragraph of wrapped text. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  /** Whether the paragraph is secondary (smaller, grey), e.g. notes and caveats. */
  readonly muted: boolean;
}

/** A list of label/value pairs (key figures, parameters). */
export interface KeyValueBlock {
  readonly kind: 'kv';
  readonly items: ReadonlyArray<{ readonly label: string; readonly value: string }>;
}

/** One table column. */
export interface TableColumn {
  readonly label: string;
  /** Dotted path read from each streamed row; unused for inline rows. */
  readonly field?: string;
  /** Relative width; undefined means computed. */
  readonly weight?: number;
  readonly format: ValueFormat;
  /** Decimals for number and percent formats. */
  readonly decimals?: number;
  readonly align: 'left' | 'right' | 'center';
  /** Whether the column is summed into a total row. */
  readonly total: boolean;
}

/** A table whose rows are either written inline or pulled from a named row source. */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  /** Inline rows, already formatted text (ignored when `source` is set). */
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Name of the row source (only `rows` today) that feeds this table while it is laid out. */
  readonly source?: string;
  /** Label in the first cell of the total row. */
  readonly totalLabel: string;
  /** Text shown when the table has no rows. */
  readonly emptyText: string;
}

/** One data series of a chart. */
export interface ChartSeries {
  readonly name: string;
  readonly points: ReadonlyArray<{ readonly label: string; readonly value: number }>;
}

/** A bar or line chart drawn as vectors. */
export interface ChartBlock {
  readonly kind: 'chart';
  readonly type: 'bar' | 'line';
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Plot height in points. */
  readonly height: number;
  readonly series: readonly ChartSeries[];
}

/**
 * A picture the render was given (`ReportInput.images`, by `ref`), scaled to fit the page width
 * and `maxHeight`, with its caption under it.
 */
export interface ImageBlock {
  readonly kind: 'image';
  readonly ref: string;
  readonly caption: string;
  /** Largest height in points (default 260). */
  readonly maxHeight: number;
}

/** Forces the next block onto a new page. */
export interface PageBreakBlock {
  readonly kind: 'pagebreak';
}
