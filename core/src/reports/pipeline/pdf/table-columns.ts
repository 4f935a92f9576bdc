import type { TableColumn } from '../document.model.js';

/** Default relative widths by format when a column gives none and there is no content to sample. */
const FORMAT_WEIGHT: Readonly<Record<TableColumn['format'], number>> = {
  text: 2,
  number: 1,
  integer: 1,
  percent: 0.9,
  date: 1.1,
  datetime: 1.5,
};

/**
 * Turns column weights into point widths that fill `totalWidth`. A column without a
 * weight gets one from its content: the longest sampled cell or header (in characters,
 * clamped so one long note cannot starve its neighbours), or its format's default
 * when nothing can be sampled (streamed rows are not read ahead).
 */
export function columnWidths(
  columns: readonly TableColumn[],
  totalWidth: number,
  sample: ReadonlyArray<readonly string[]>,
  minWidths: readonly number[] = [],
): number[] {
  const weights = columns.map((column, i) => {
    if (column.weight !== undefined) return column.weight;
    if (sample.length === 0) return Math.max(FORMAT_WEIGHT[column.format], Math.min(column.label.length, 24) / 12);
    const longest = Math.max(column.label.length * 0.8, ...sample.map((row) => (row[i] ?? '').length));
    return Math.min(Math.max(longest, 4), 40) / 10;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return honourMinimums(
    weights.map((w) => (w / sum) * totalWidth),
    minWidths,
  );
}

/**
 * Widens columns narrower than their minimum (the longest header word, so a header
 * never breaks mid-word) and takes the space from the others in proportion.
 * When the minimums cannot all fit, the proportional widths are kept.
 */
function honourMinimums(widths: number[], minWidths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (minWidths.reduce((a, b) => a + b, 0) > total) return widths;
  const fixed = new Set<number>();
  for (let round = 0; round < widths.length; round++) {
    const short = widths.map((w, i) => i).filter((i) => !fixed.has(i) && widths[i]! < (minWidths[i] ?? 0));
    if (short.length === 0) break;
    short.forEach((i) => fixed.add(i));
    const fixedWidth = [...fixed].reduce((a, i) => a + (minWidths[i] ?? 0), 0);
    const flexible = widths.map((w, i) => (fixed.has(i) ? 0 : w));
    const flexibleSum = flexible.reduce((a, b) => a + b, 0);
    widths = widths.map((w, i) => (fixed.has(i) ? minWidths[i]! : (w / flexibleSum) * (total - fixedWidth)));
  }
  return widths;
}
