import type { ChartBlock, ChartSeries, ReportBlock, TableBlock, TableColumn } from './document.model.js';
import { isNumericFormat, toNumber, type ValueFormat } from './format.js';
import {
  MarkupSyntaxError,
  collapseWhitespace,
  parseMarkup,
  textContent,
  type MarkupElement,
  type MarkupNode,
} from './markup.parser.js';

/** Every tag the markup accepts; the compiler checks templates against this list. */
export const MARKUP_TAGS: readonly string[] = [
  'h1',
  'h2',
  'h3',
  'p',
  'kv',
  'item',
  'table',
  'col',
  'row',
  'cell',
  'chart',
  'series',
  'point',
  'image',
  'pagebreak',
];

/** Row sources a table may name. */
export const ROW_SOURCES: readonly string[] = ['rows'];

const FORMATS: readonly ValueFormat[] = ['text', 'number', 'integer', 'percent', 'date', 'datetime'];

/** Parses rendered markup into document blocks; throws {@link MarkupSyntaxError} with the markup line. */
export function markupToBlocks(markup: string): ReportBlock[] {
  return parseMarkup(markup).flatMap((node) => topLevelBlock(node));
}

function fail(message: string, line: number): never {
  throw new MarkupSyntaxError(message, line);
}

function topLevelBlock(node: MarkupNode): ReportBlock[] {
  if (node.type === 'text') {
    const text = collapseWhitespace(node.text);
    if (text) fail(`text "${text.slice(0, 40)}" is outside any tag; wrap it in <p>`, node.line);
    return [];
  }
  switch (node.name) {
    case 'h1':
    case 'h2':
    case 'h3':
      return [{ kind: 'heading', level: Number(node.name[1]) as 1 | 2 | 3, text: plainText(node) }];
    case 'p':
      return [{ kind: 'paragraph', text: plainText(node), muted: node.attrs['tone'] === 'muted' }];
    case 'kv':
      return [
        {
          kind: 'kv',
          items: elementChildren(node, ['item']).map((item) => ({
            label: requireAttr(item, 'label'),
            value: plainText(item),
          })),
        },
      ];
    case 'table':
      return [tableBlock(node)];
    case 'chart':
      return [chartBlock(node)];
    case 'pagebreak':
      elementChildren(node, []);
      return [{ kind: 'pagebreak' }];
    case 'image': {
      elementChildren(node, []);
      const maxHeight = node.attrs['height'] === undefined ? 260 : Number(node.attrs['height']);
      if (!Number.isFinite(maxHeight) || maxHeight < 40 || maxHeight > 700)
        fail(`<image height="${node.attrs['height']}"> must be a number of points from 40 to 700`, node.line);
      return [{ kind: 'image', ref: requireAttr(node, 'ref'), caption: node.attrs['caption'] ?? '', maxHeight }];
    }
    default:
      return fail(`<${node.name}> is not allowed here`, node.line);
  }
}

/** Element children of `parent`, failing on unexpected tags or stray text. */
function elementChildren(parent: MarkupElement, allowed: readonly string[]): MarkupElement[] {
  const out: MarkupElement[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      const text = collapseWhitespace(child.text);
      if (text) fail(`text "${text.slice(0, 40)}" is not allowed directly inside <${parent.name}>`, child.line);
    } else if (!allowed.includes(child.name)) {
      fail(`<${child.name}> is not allowed inside <${parent.name}>`, child.line);
    } else {
      out.push(child);
    }
  }
  return out;
}

function plainText(element: MarkupElement): string {
  const nested = element.children.find((c) => c.type === 'element');
  if (nested) fail(`<${(nested as MarkupElement).name}> is not allowed inside <${element.name}>`, nested.line);
  return textContent(element);
}

function requireAttr(element: MarkupElement, name: string): string {
  const value = element.attrs[name];
  if (value === undefined) fail(`<${element.name}> needs a ${name}="…" attribute`, element.line);
  return value;
}

function positiveNumber(element: MarkupElement, name: string): number | undefined {
  const raw = element.attrs[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    fail(`${name}="${raw}" on <${element.name}> must be a positive number`, element.line);
  return n;
}

function tableBlock(node: MarkupElement): TableBlock {
  const children = elementChildren(node, ['col', 'row']);
  const columns = children.filter((c) => c.name === 'col').map(tableColumn);
  if (columns.length === 0) fail('<table> needs at least one <col>', node.line);
  const source = node.attrs['source'];
  if (source !== undefined && !ROW_SOURCES.includes(source))
    fail(`unknown row source "${source}" (known: ${ROW_SOURCES.join(', ')})`, node.line);
  if (source !== undefined) {
    const missing = columns.find((c) => !c.field);
    if (missing)
      fail(`<col label="${missing.label}"> needs field="…" because the table reads source="${source}"`, node.line);
  }
  const rowElements = children.filter((c) => c.name === 'row');
  if (source !== undefined && rowElements.length > 0)
    fail('a <table source="…"> takes its rows from the source, not from <row>', rowElements[0]!.line);
  const rows = rowElements.map((row) => {
    const cells = elementChildren(row, ['cell']).map(plainText);
    if (cells.length !== columns.length)
      fail(`<row> has ${cells.length} cells but the table has ${columns.length} columns`, row.line);
    return cells;
  });
  return {
    kind: 'table',
    columns,
    rows,
    source,
    totalLabel: node.attrs['total-label'] ?? 'Total',
    emptyText: node.attrs['empty'] ?? 'No rows.',
  };
}

function tableColumn(col: MarkupElement): TableColumn {
  elementChildren(col, []);
  const format = (col.attrs['format'] ?? 'text') as ValueFormat;
  if (!FORMATS.includes(format)) fail(`format="${format}" is not one of ${FORMATS.join(', ')}`, col.line);
  const align = col.attrs['align'] ?? (isNumericFormat(format) ? 'right' : 'left');
  if (align !== 'left' && align !== 'right' && align !== 'center')
    fail(`align="${align}" must be left, right or center`, col.line);
  const total = col.attrs['total'];
  if (total !== undefined && total !== 'sum') fail(`total="${total}" must be "sum"`, col.line);
  const decimals = col.attrs['decimals'] === undefined ? undefined : Number(col.attrs['decimals']);
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6))
    fail('decimals must be 0 to 6', col.line);
  return {
    label: requireAttr(col, 'label'),
    field: col.attrs['field'],
    weight: positiveNumber(col, 'width'),
    format,
    decimals,
    align,
    total: total === 'sum',
  };
}

function chartBlock(node: MarkupElement): ChartBlock {
  const type = requireAttr(node, 'type');
  if (type !== 'bar' && type !== 'line') fail(`chart type="${type}" must be bar or line`, node.line);
  const children = elementChildren(node, ['series', 'point']);
  const loose = children.filter((c) => c.name === 'point');
  const named = children.filter((c) => c.name === 'series');
  if (loose.length > 0 && named.length > 0) fail('a <chart> holds either <point>s or <series>, not both', node.line);
  const series: ChartSeries[] =
    named.length > 0
      ? named.map((s) => ({ name: requireAttr(s, 'name'), points: elementChildren(s, ['point']).map(chartPoint) }))
      : [{ name: node.attrs['y-label'] ?? '', points: loose.map(chartPoint) }];
  const labels = series[0]!.points.map((p) => p.label).join('\u0000');
  const mismatch = series.find((s) => s.points.map((p) => p.label).join('\u0000') !== labels);
  if (mismatch)
    fail(
      `series "${mismatch.name}" must have the same point labels, in the same order, as the first series`,
      node.line,
    );
  return {
    kind: 'chart',
    type,
    title: node.attrs['title'] ?? '',
    xLabel: node.attrs['x-label'] ?? '',
    yLabel: node.attrs['y-label'] ?? '',
    height: Math.min(positiveNumber(node, 'height') ?? 200, 500),
    series,
  };
}

function chartPoint(point: MarkupElement): { label: string; value: number } {
  elementChildren(point, []);
  const raw = requireAttr(point, 'value');
  const value = toNumber(raw);
  if (value === undefined) fail(`point value="${raw}" is not a number`, point.line);
  return { label: requireAttr(point, 'label'), value };
}
