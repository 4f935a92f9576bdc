import type { ChartBlock, KeyValueBlock, ReportBlock, TableBlock, TableColumn } from '../pipeline/index.js';
import { readPath, toDate, toNumber } from '../pipeline/format.js';

/**
 * A report as tables, for CSV and XLSX: the PDF's own document (the template's markup), so a
 * figure has one definition whichever file it lands in. Every key-value list (but the layout's
 * cover) and table becomes a table titled by the heading above it (a streamed table pulls its rows as the PDF does), and
 * every chart whose figures no table already shows becomes a table too. Paragraphs are left out.
 */

/** A cell: text as printed, a number, an instant (date columns), or empty. */
export type Cell = string | number | Date | null;

/** How a column's cells are written. */
export type CellKind = 'text' | 'number' | 'percent' | 'date' | 'datetime';

export interface DownloadColumn {
  label: string;
  kind: CellKind;
  /** Decimals for numbers and percentages. */
  decimals: number;
}

export interface DownloadRow {
  cells: Cell[];
  /** The table's total row (sums of its `total="sum"` columns). */
  total?: boolean;
}

export interface DownloadTable {
  title: string;
  columns: DownloadColumn[];
  /** Body rows then the total row, if any; streamed tables read their source as they go. */
  rows: () => AsyncIterable<DownloadRow>;
}

type RowSource = (() => AsyncIterable<Record<string, unknown>>) | undefined;

const kindOf = (column: TableColumn): CellKind =>
  column.format === 'integer' ? 'number' : column.format === 'number' ? 'number' : column.format;

const decimalsOf = (column: TableColumn) =>
  column.format === 'integer' ? 0 : (column.decimals ?? (column.format === 'percent' ? 1 : 0));

/** A printed cell of a numeric column as a number (`1,204` → 1204, `25.0%` → 0.25); other text as it is. */
function inlineCell(text: string, kind: CellKind): Cell {
  if (kind !== 'number' && kind !== 'percent') return text;
  const n = toNumber(text);
  if (n === undefined) return text;
  return kind === 'percent' && text.trim().endsWith('%') ? n / 100 : n;
}

/** A streamed row's value as its column wants it. */
function streamedCell(value: unknown, kind: CellKind): Cell {
  if (value === null || value === undefined) return null;
  if (kind === 'number' || kind === 'percent') return toNumber(value) ?? String(value);
  if (kind === 'date' || kind === 'datetime') return toDate(value) ?? String(value);
  if (value instanceof Date) return value;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function tableOf(title: string, block: TableBlock, source: RowSource): DownloadTable {
  const columns = block.columns.map((c) => ({ label: c.label, kind: kindOf(c), decimals: decimalsOf(c) }));
  const totals = block.columns.map((c) => (c.total ? 0 : undefined));
  const hasTotal = totals.some((t) => t !== undefined);
  const add = (cells: Cell[]) =>
    cells.forEach((cell, i) => {
      if (totals[i] !== undefined && typeof cell === 'number') totals[i] += cell;
    });
  const totalRow = (): DownloadRow => ({
    cells: totals.map((t, i) => (i === 0 ? block.totalLabel : (t ?? null))),
    total: true,
  });
  return {
    title,
    columns,
    rows: async function* () {
      for (let i = 0; i < totals.length; i++) if (totals[i] !== undefined) totals[i] = 0;
      if (block.source) {
        if (source)
          for await (const row of source()) {
            const cells = block.columns.map((c, i) => streamedCell(readPath(row, c.field!), columns[i]!.kind));
            add(cells);
            yield { cells };
          }
      } else {
        for (const row of block.rows) {
          const cells = columns.map((c, i) => inlineCell(row[i] ?? '', c.kind));
          add(cells);
          yield { cells };
        }
      }
      if (hasTotal) yield totalRow();
    },
  };
}

function keyValuesOf(title: string, block: KeyValueBlock): DownloadTable {
  return {
    title,
    columns: [
      { label: 'Figure', kind: 'text', decimals: 0 },
      { label: 'Value', kind: 'number', decimals: 0 },
    ],
    rows: async function* () {
      for (const item of block.items) {
        const n = /^[\d,.\s-]+$/.test(item.value) ? toNumber(item.value) : undefined;
        yield { cells: [item.label, n ?? item.value] };
      }
    },
  };
}

function chartOf(title: string, block: ChartBlock): DownloadTable {
  const labels = [...new Set(block.series.flatMap((s) => s.points.map((p) => p.label)))];
  const single = block.series.length === 1;
  return {
    title,
    columns: [
      { label: block.xLabel || 'Category', kind: 'text', decimals: 0 },
      ...block.series.map((s) => ({
        label: single ? block.yLabel || s.name || 'Value' : s.name,
        kind: 'number' as const,
        decimals: 2,
      })),
    ],
    rows: async function* () {
      for (const label of labels)
        yield {
          cells: [label, ...block.series.map((s) => s.points.find((p) => p.label === label)?.value ?? null)],
        };
    },
  };
}

/** Whether an inline table already shows every point of the chart (a row per label, a column per series). */
function shownInTable(chart: ChartBlock, tables: TableBlock[]): boolean {
  return tables.some((table) => {
    if (table.source) return false;
    const byLabel = new Map(table.rows.map((row) => [row[0], row]));
    return chart.series.every((series) =>
      table.columns.some((_c, j) =>
        series.points.every((p) => {
          const row = byLabel.get(p.label);
          return j > 0 && row !== undefined && toNumber(row[j]) === p.value;
        }),
      ),
    );
  });
}

/** The report's tables in the order the PDF shows them. */
export function reportTables(blocks: readonly ReportBlock[], rows: RowSource, reportTitle: string): DownloadTable[] {
  const inlineTables = blocks.filter((b): b is TableBlock => b.kind === 'table');
  const out: DownloadTable[] = [];
  const used = new Map<string, number>();
  const titled = (title: string) => {
    const n = (used.get(title) ?? 0) + 1;
    used.set(title, n);
    return n === 1 ? title : `${title} (${n})`;
  };
  let heading = reportTitle;
  let cover = false;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      heading = block.text;
      // The layout's cover (title, parameters, who and when): the files' own heading rows say it.
      cover = block.level === 1 && block.text === reportTitle;
    } else if (block.kind === 'kv' && cover) cover = false;
    else if (block.kind === 'kv') out.push(keyValuesOf(titled(heading), block));
    else if (block.kind === 'table') out.push(tableOf(titled(heading), block, rows));
    else if (block.kind === 'chart' && !shownInTable(block, inlineTables))
      out.push(chartOf(titled(block.title || heading), block));
  }
  return out;
}

/** What a spreadsheet must never take for a formula: a string starting with =, +, -, @, tab or CR gets a leading apostrophe. */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
