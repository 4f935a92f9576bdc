import type { HeadingBlock, ImageBlock, KeyValueBlock, ParagraphBlock } from '../document.model.js';
import type { ReportImage } from '../report.types.js';
import type { PageCursor } from './page-cursor.js';
import { COLOUR, SIZE, lineHeight } from './page-theme.js';
import { wrapText } from './text-wrap.js';

const HEADING_SIZE = { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } as const;

/** Draws a heading, kept together with at least a few lines of what follows it. */
export function drawHeading(cursor: PageCursor, block: HeadingBlock): void {
  const size = HEADING_SIZE[block.level];
  const spaceAbove = cursor.atPageTop ? 0 : block.level === 1 ? 10 : 8;
  const measure = cursor.useFont(true, size);
  const height = wrapText(block.text, cursor.width, measure).length * lineHeight(size);
  if (!cursor.ensure(spaceAbove + height + 4 * lineHeight(SIZE.body))) cursor.advance(spaceAbove);
  cursor.writeLines(block.text, { bold: true, size });
  cursor.advance(block.level === 1 ? 6 : 3);
}

/** Draws a paragraph; long paragraphs continue on the next page line by line. */
export function drawParagraph(cursor: PageCursor, block: ParagraphBlock): void {
  const size = block.muted ? SIZE.small : SIZE.body;
  cursor.ensure(lineHeight(size));
  cursor.writeLines(block.text, { bold: false, size, colour: block.muted ? COLOUR.muted : COLOUR.text });
  cursor.advance(6);
}

/** Draws label/value pairs in two columns: labels bold on the left, values wrapped on the right. */
export function drawKeyValues(cursor: PageCursor, block: KeyValueBlock): void {
  const size = SIZE.body;
  const step = lineHeight(size);
  const labelWidth = Math.min(180, cursor.width * 0.35);
  const valueX = cursor.left + labelWidth + 12;
  const valueWidth = cursor.width - labelWidth - 12;
  for (const item of block.items) {
    const labelLines = wrapText(item.label, labelWidth, cursor.useFont(true, size));
    const valueLines = wrapText(item.value || '–', valueWidth, cursor.useFont(false, size));
    const height = Math.max(labelLines.length, valueLines.length) * step + 4;
    if (height <= cursor.pageContentHeight) cursor.ensure(height);
    const top = cursor.y;
    cursor.writeLines(item.label, { bold: true, size, width: labelWidth });
    const afterLabel = cursor.y;
    if (afterLabel > top) cursor.y = top; // same page: values sit beside their label
    cursor.writeLines(item.value || '–', { bold: false, size, x: valueX, width: valueWidth });
    cursor.y = Math.max(cursor.y, afterLabel) + 4;
    cursor.doc
      .moveTo(cursor.left, cursor.y - 2)
      .lineTo(cursor.left + cursor.width, cursor.y - 2)
      .lineWidth(0.4)
      .strokeColor(COLOUR.faintRule)
      .stroke();
  }
  cursor.advance(8);
}

/** The size a picture is drawn at: the content width and its height limit, never enlarged. */
function pictureSize(cursor: PageCursor, block: ImageBlock, image: ReportImage): { width: number; height: number } {
  const maxHeight = Math.min(block.maxHeight, cursor.pageContentHeight - 3 * lineHeight(SIZE.small));
  const scale = Math.min(1, cursor.width / image.width, maxHeight / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** The height a picture block takes with its caption (what a heading before it must keep with it). */
export function imageBlockHeight(cursor: PageCursor, block: ImageBlock, image: ReportImage | undefined): number {
  return image ? pictureSize(cursor, block, image).height + 2 * lineHeight(SIZE.small) + 8 : lineHeight(SIZE.body);
}

/**
 * Draws a picture scaled to the content width and the block's height limit (never enlarged),
 * on a new page if it does not fit, with its caption under it. A picture the render was not
 * given is named in its place rather than left out silently.
 */
export function drawImage(cursor: PageCursor, block: ImageBlock, image: ReportImage | undefined): void {
  const captionSize = SIZE.small;
  if (!image) {
    cursor.ensure(lineHeight(SIZE.body));
    cursor.writeLines(`[Picture not available${block.caption ? `: ${block.caption}` : ''}]`, {
      bold: false,
      size: SIZE.body,
      colour: COLOUR.muted,
    });
    cursor.advance(6);
    return;
  }
  const { width, height } = pictureSize(cursor, block, image);
  cursor.ensure(height + 2 * lineHeight(captionSize) + 8);
  cursor.doc.image(image.data, cursor.left, cursor.y, { width, height });
  cursor.advance(height + 4);
  if (block.caption) cursor.writeLines(block.caption, { bold: false, size: captionSize, colour: COLOUR.muted });
  cursor.advance(10);
}
