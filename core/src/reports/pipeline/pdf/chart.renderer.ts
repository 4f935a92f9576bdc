import type { ChartBlock } from '../document.model.js';
import { formatNumber } from '../format.js';
import { niceScale, type AxisScale } from './chart-scale.js';
import type { PageCursor } from './page-cursor.js';
import { COLOUR, SIZE, lineHeight } from './page-theme.js';
import { ellipsize, wrapText, type MeasureText } from './text-wrap.js';

const AXIS_SIZE = 7.5;
const VALUE_SIZE = 7;
const Y_AXIS_ROOM = 54;
/** Category labels wrap within their slot up to this many lines; longer ones fall back to every n-th label. */
const MAX_LABEL_LINES = 3;

/** The plot rectangle and value scale shared by the bar and line painters. */
interface Plot {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly scale: AxisScale;
  /** Width of one category slot along the x axis. */
  readonly slot: number;
  /** y coordinate of a value. */
  readonly y: (value: number) => number;
}

/**
 * Draws a bar or line chart as vector paths: title, legend (several series), value
 * gridlines with tick labels, axis titles, category labels and the value of every
 * bar or point. The whole chart is kept on one page.
 */
export function drawChart(cursor: PageCursor, block: ChartBlock): void {
  const { doc } = cursor;
  const legend = block.series.length > 1;
  const titleHeight = block.title ? lineHeight(SIZE.h3) + 4 : 0;
  const legendHeight = legend ? 16 : 0;
  const points = block.series[0]!.points;
  const plotWidth = cursor.width - Y_AXIS_ROOM - 6;
  const slot = plotWidth / Math.max(points.length, 1);
  const categories = layoutCategoryLabels(
    cursor.useFont(false, AXIS_SIZE),
    points.map((p) => p.label),
    slot,
  );
  const extraLabelLines = Math.max(0, ...categories.lines.map((l) => l.length - 1));
  const xLabelsHeight = 26 + (block.xLabel ? 14 : 0) + extraLabelLines * lineHeight(AXIS_SIZE);
  const total = titleHeight + legendHeight + 12 + block.height + xLabelsHeight;
  if (!cursor.atPageTop) cursor.advance(6);
  cursor.ensure(total);
  const top = cursor.y;

  if (block.title) {
    cursor.useFont(true, SIZE.h3);
    doc.fillColor(COLOUR.text).text(block.title, cursor.left, top, { lineBreak: false });
  }
  if (legend) drawLegend(cursor, block, top + titleHeight);

  const values = block.series.flatMap((s) => s.points.map((p) => p.value));
  const plotTop = top + titleHeight + legendHeight + 12;
  const plotLeft = cursor.left + Y_AXIS_ROOM;
  const scale = niceScale(values);
  const plot: Plot = {
    left: plotLeft,
    top: plotTop,
    width: plotWidth,
    height: block.height,
    scale,
    slot,
    y: (value) => plotTop + block.height - ((value - scale.min) / (scale.max - scale.min)) * block.height,
  };

  drawValueAxis(cursor, plot, block.yLabel);
  if (points.length === 0) {
    cursor.useFont(false, SIZE.small);
    doc
      .fillColor(COLOUR.muted)
      .text('No data for this period.', plotLeft + 8, plotTop + block.height / 2 - 5, { lineBreak: false });
  } else if (block.type === 'bar') {
    drawBars(cursor, plot, block);
  } else {
    drawLines(cursor, plot, block);
  }
  drawCategoryAxis(cursor, plot, categories, block.xLabel);
  cursor.y = top + total;
  cursor.advance(10);
}

function drawLegend(cursor: PageCursor, block: ChartBlock, y: number): void {
  const { doc } = cursor;
  const measure = cursor.useFont(false, SIZE.small);
  let x = cursor.left;
  block.series.forEach((series, i) => {
    doc
      .rect(x, y + 1, 9, 9)
      .fillColor(colour(i))
      .fill();
    doc.fillColor(COLOUR.text).text(series.name, x + 13, y + 1, { lineBreak: false });
    x += 13 + measure(series.name) + 16;
  });
}

function drawValueAxis(cursor: PageCursor, plot: Plot, title: string): void {
  const { doc } = cursor;
  const measure = cursor.useFont(false, AXIS_SIZE);
  for (const tick of plot.scale.ticks) {
    const y = plot.y(tick);
    doc
      .moveTo(plot.left, y)
      .lineTo(plot.left + plot.width, y)
      .lineWidth(tick === 0 ? 0.8 : 0.3)
      .strokeColor(tick === 0 ? COLOUR.text : COLOUR.faintRule)
      .stroke();
    const label = formatNumber(tick, Number.isInteger(tick) ? 0 : 1);
    doc
      .fillColor(COLOUR.muted)
      .text(label, plot.left - 5 - measure(label), y - AXIS_SIZE / 2 - 1, { lineBreak: false });
  }
  doc
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.top + plot.height)
    .lineWidth(0.8)
    .strokeColor(COLOUR.text)
    .stroke();
  if (title) {
    const text = ellipsize(title, plot.height, measure);
    const x = cursor.left + 2;
    const y = plot.top + plot.height / 2 + measure(text) / 2;
    doc.save().rotate(-90, { origin: [x, y] });
    doc.fillColor(COLOUR.text).text(text, x, y, { lineBreak: false });
    doc.restore();
  }
}

/** Category labels as drawn: each label's lines, and which labels are shown (every n-th). */
interface CategoryLabels {
  every: number;
  lines: string[][];
}

/**
 * Wraps each category label within its slot, on up to `MAX_LABEL_LINES` lines (the last one
 * shortened with an ellipsis when there is more), so every category is named. When a word is
 * wider than a slot (many categories), only every n-th label is shown, on one line.
 */
function layoutCategoryLabels(measure: MeasureText, labels: readonly string[], slot: number): CategoryLabels {
  const room = slot - 4;
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const wrapped = labels.map((label) => wrapText(label, room, measure));
  if (wrapped.every((lines, i) => words(lines.join(' ')) === words(labels[i]!))) {
    return {
      every: 1,
      lines: wrapped.map((lines) =>
        lines.length <= MAX_LABEL_LINES
          ? lines
          : [
              ...lines.slice(0, MAX_LABEL_LINES - 1),
              ellipsize(`${lines.slice(MAX_LABEL_LINES - 1).join(' ')}…`, room, measure),
            ],
      ),
    };
  }
  const widest = Math.max(0, ...labels.map(measure));
  const every = Math.max(1, Math.ceil((widest + 6) / slot));
  return { every, lines: labels.map((label) => [ellipsize(label, slot * every - 4, measure)]) };
}

function drawCategoryAxis(cursor: PageCursor, plot: Plot, labels: CategoryLabels, title: string): void {
  const { doc } = cursor;
  const measure = cursor.useFont(false, AXIS_SIZE);
  const base = plot.top + plot.height;
  const step = lineHeight(AXIS_SIZE);
  labels.lines.forEach((lines, i) => {
    if (i % labels.every !== 0) return;
    const centre = plot.left + plot.slot * (i + 0.5);
    doc
      .moveTo(centre, base)
      .lineTo(centre, base + 3)
      .lineWidth(0.5)
      .strokeColor(COLOUR.text)
      .stroke();
    lines.forEach((text, n) => {
      doc
        .fillColor(COLOUR.text)
        .text(text, Math.max(cursor.left, centre - measure(text) / 2), base + 6 + n * step, { lineBreak: false });
    });
  });
  if (title) {
    const extra = Math.max(0, ...labels.lines.map((l) => l.length - 1)) * step;
    cursor.useFont(true, AXIS_SIZE + 0.5);
    const width = doc.widthOfString(title);
    doc
      .fillColor(COLOUR.text)
      .text(title, plot.left + (plot.width - width) / 2, base + 22 + extra, { lineBreak: false });
  }
}

function drawBars(cursor: PageCursor, plot: Plot, block: ChartBlock): void {
  const { doc } = cursor;
  const count = block.series.length;
  const group = plot.slot * 0.72;
  const barWidth = group / count;
  const measure = cursor.useFont(false, VALUE_SIZE);
  const zero = plot.y(0);
  block.series.forEach((series, s) => {
    series.points.forEach((point, i) => {
      const x = plot.left + plot.slot * i + (plot.slot - group) / 2 + s * barWidth;
      const y = plot.y(point.value);
      doc
        .rect(x + 0.5, Math.min(y, zero), Math.max(barWidth - 1, 0.5), Math.abs(zero - y))
        .fillColor(colour(s))
        .fill();
      const label = formatNumber(point.value, Number.isInteger(point.value) ? 0 : 1);
      if (measure(label) <= barWidth + 4) {
        const labelY = point.value >= 0 ? y - VALUE_SIZE - 3 : y + 2;
        doc.fillColor(COLOUR.text).text(label, x + (barWidth - measure(label)) / 2, labelY, { lineBreak: false });
      }
    });
  });
}

function drawLines(cursor: PageCursor, plot: Plot, block: ChartBlock): void {
  const { doc } = cursor;
  const measure = cursor.useFont(false, VALUE_SIZE);
  const labelled = block.series[0]!.points.length * block.series.length <= 60;
  block.series.forEach((series, s) => {
    const xy = series.points.map((p, i) => [plot.left + plot.slot * (i + 0.5), plot.y(p.value)] as const);
    xy.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
    doc.lineWidth(1.6).strokeColor(colour(s)).stroke();
    xy.forEach(([x, y], i) => {
      doc.circle(x, y, 2.4).fillColor(colour(s)).fill();
      if (!labelled) return;
      const label = formatNumber(series.points[i]!.value, Number.isInteger(series.points[i]!.value) ? 0 : 1);
      doc.fillColor(COLOUR.text).text(label, x - measure(label) / 2, y - VALUE_SIZE - 5, { lineBreak: false });
    });
  });
}

function colour(index: number): string {
  return COLOUR.series[index % COLOUR.series.length]!;
}
