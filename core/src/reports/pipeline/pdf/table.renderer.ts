import type { TableBlock, TableColumn } from '../document.model.js';
import { formatValue, readPath, toNumber } from '../format.js';
import type { ReportRow } from '../report.types.js';
import type { PageCursor } from './page-cursor.js';
import { COLOUR, SIZE, lineHeight } from './page-theme.js';
import { columnWidths } from './table-columns.js';
import { ellipsize, wrapText } from './text-wrap.js';

const PAD_X = 4;
const PAD_Y = 3;
const SIZE_T = SIZE.table;
const STEP = lineHeight(SIZE_T);

/** Hooks the table calls while it lays out rows. */
export interface TableHooks {
  /** Called after every row with the table's body-row count so far. */
  readonly onRow: (rowsInTable: number) => void | Promise<void>;
}

/** One laid-out row: wrapped lines per cell and its height. */
interface RowLayout {
  readonly lines: string[][];
  readonly height: number;
}

/**
 * Draws a table, pulling rows one at a time (from `source` when the block reads a
 * row source, otherwise its inline rows). Only the current row is held, so a table
 * of any length lays out in constant memory. The header row repeats on every page
 * the table reaches; numeric columns are right-aligned; cell text wraps within its
 * column and a row taller than a page is cut with an ellipsis rather than clipped.
 * Returns the number of body rows drawn.
 */
export async function drawTable(
  cursor: PageCursor,
  block: TableBlock,
  source: AsyncIterable<ReportRow> | undefined,
  hooks: TableHooks,
): Promise<number> {
  const headerWord = cursor.useFont(true, SIZE_T);
  const minWidths = block.columns.map((c) => Math.max(...c.label.split(/\s+/).map(headerWord), 16) + 2 * PAD_X + 1);
  const widths = columnWidths(block.columns, cursor.width, block.source ? [] : block.rows.slice(0, 200), minWidths);
  const header = layoutRow(
    cursor,
    block.columns.map((c) => c.label),
    widths,
    true,
    cursor.pageContentHeight / 3,
  );
  const totals = block.columns.map(() => 0);
  const minRow = header.height + STEP + 2 * PAD_Y;

  if (!cursor.atPageTop) cursor.advance(4);
  cursor.ensure(minRow);
  drawRow(cursor, header, block.columns, widths, 'header');

  let count = 0;
  for await (const cells of rowsOf(block, source)) {
    count++;
    cells.raw.forEach((value, i) => {
      if (block.columns[i]!.total) totals[i]! += toNumber(value) ?? 0;
    });
    const row = layoutRow(cursor, cells.text, widths, false, cursor.pageContentHeight - header.height);
    placeRow(cursor, row, header, block.columns, widths, 'body');
    await hooks.onRow(count);
  }

  if (count === 0) {
    const empty = layoutRow(
      cursor,
      [block.emptyText, ...block.columns.slice(1).map(() => '')],
      widths,
      false,
      Infinity,
    );
    placeRow(cursor, empty, header, block.columns, widths, 'body');
  }
  if (block.columns.some((c) => c.total)) {
    const text = block.columns.map((c, i) =>
      c.total
        ? formatValue(totals[i], c.format === 'text' ? 'number' : c.format, c.decimals)
        : i === 0
          ? block.totalLabel
          : '',
    );
    placeRow(cursor, layoutRow(cursor, text, widths, true, Infinity), header, block.columns, widths, 'total');
  }
  cursor.advance(10);
  return count;
}

/** Yields each row's display text and raw values (for totals). */
async function* rowsOf(
  block: TableBlock,
  source: AsyncIterable<ReportRow> | undefined,
): AsyncGenerator<{ text: string[]; raw: unknown[] }> {
  if (block.source) {
    for await (const row of source ?? emptyRows()) {
      const raw = block.columns.map((c) => readPath(row, c.field!));
      yield {
        raw,
        text: raw.map((value, i) => formatValue(value, block.columns[i]!.format, block.columns[i]!.decimals)),
      };
    }
    return;
  }
  for (const cells of block.rows) yield { raw: [...cells], text: [...cells] };
}

// eslint-disable-next-line require-yield
async function* emptyRows(): AsyncGenerator<ReportRow> {
  return;
}

function layoutRow(
  cursor: PageCursor,
  cells: readonly string[],
  widths: readonly number[],
  bold: boolean,
  maxHeight: number,
): RowLayout {
  const measure = cursor.useFont(bold, SIZE_T);
  const maxLines = Math.max(1, Math.floor((maxHeight - 2 * PAD_Y) / STEP));
  const lines = cells.map((cell, i) => {
    const inner = widths[i]! - 2 * PAD_X;
    const wrapped = wrapText(cell, inner, measure);
    if (wrapped.length <= maxLines) return wrapped;
    const kept = wrapped.slice(0, maxLines);
    kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]}…`, inner, measure);
    return kept;
  });
  return { lines, height: Math.max(...lines.map((l) => l.length)) * STEP + 2 * PAD_Y };
}

/** Moves to a new page (repeating the header) when the row does not fit, then draws it. */
function placeRow(
  cursor: PageCursor,
  row: RowLayout,
  header: RowLayout,
  columns: readonly TableColumn[],
  widths: readonly number[],
  kind: 'body' | 'total',
): void {
  if (cursor.y + row.height > cursor.bottom) {
    cursor.newPage();
    drawRow(cursor, header, columns, widths, 'header');
  }
  drawRow(cursor, row, columns, widths, kind);
}

function drawRow(
  cursor: PageCursor,
  row: RowLayout,
  columns: readonly TableColumn[],
  widths: readonly number[],
  kind: 'header' | 'body' | 'total',
): void {
  const { doc } = cursor;
  const top = cursor.y;
  const right = cursor.left + cursor.width;
  if (kind === 'header') doc.rect(cursor.left, top, cursor.width, row.height).fillColor(COLOUR.headerFill).fill();
  const measure = cursor.useFont(kind !== 'body', SIZE_T);
  doc.fillColor(COLOUR.text);
  let x = cursor.left;
  row.lines.forEach((lines, i) => {
    const inner = widths[i]! - 2 * PAD_X;
    const align = columns[i]!.align;
    lines.forEach((line, n) => {
      const offset = align === 'left' ? 0 : align === 'right' ? inner - measure(line) : (inner - measure(line)) / 2;
      doc.text(line, x + PAD_X + Math.max(0, offset), top + PAD_Y + n * STEP, { lineBreak: false });
    });
    x += widths[i]!;
  });
  const bottom = top + row.height;
  if (kind === 'total') doc.moveTo(cursor.left, top).lineTo(right, top).lineWidth(1).strokeColor(COLOUR.text).stroke();
  doc
    .moveTo(cursor.left, bottom)
    .lineTo(right, bottom)
    .lineWidth(kind === 'body' ? 0.4 : 0.8)
    .strokeColor(kind === 'body' ? COLOUR.faintRule : COLOUR.rule)
    .stroke();
  cursor.y = bottom;
}
