import { COLOUR, FONT, PAGE, SIZE } from './page-theme.js';
import { ellipsize } from './text-wrap.js';

/** What the frame prints on every page. */
export interface FrameText {
  readonly marking: string;
  readonly title: string;
  readonly pageNumber: number;
  /** Total pages, or undefined in the counting pass (the frame then reserves the same space). */
  readonly totalPages: number | undefined;
}

/**
 * Draws the security marking centred at the top and bottom of the page and the
 * footer line (report title left, "Page X of Y" right). Text is placed with
 * `lineBreak: false`, so pdfkit never starts a page from inside the margins.
 */
export function drawPageFrame(doc: PDFKit.PDFDocument, frame: FrameText): void {
  const left = PAGE.marginX;
  const right = PAGE.width - PAGE.marginX;
  const markingWidth = textWidth(doc, FONT.bold, SIZE.marking, frame.marking);
  const markingX = (PAGE.width - markingWidth) / 2;

  doc.save();
  doc.font(FONT.bold).fontSize(SIZE.marking).fillColor(COLOUR.marking);
  doc.text(frame.marking, markingX, 26, { lineBreak: false });
  doc.text(frame.marking, markingX, PAGE.height - 34, { lineBreak: false });

  doc
    .moveTo(left, PAGE.contentTop - 14)
    .lineTo(right, PAGE.contentTop - 14)
    .lineWidth(0.5)
    .strokeColor(COLOUR.rule)
    .stroke();
  const footerY = PAGE.height - 52;
  doc
    .moveTo(left, footerY - 6)
    .lineTo(right, footerY - 6)
    .lineWidth(0.5)
    .strokeColor(COLOUR.rule)
    .stroke();

  const pageLabel = `Page ${frame.pageNumber} of ${frame.totalPages ?? frame.pageNumber}`;
  doc.font(FONT.regular).fontSize(SIZE.footer).fillColor(COLOUR.muted);
  const pageLabelWidth = doc.widthOfString(pageLabel);
  doc.text(pageLabel, right - pageLabelWidth, footerY, { lineBreak: false });
  const titleRoom = right - left - pageLabelWidth - 24;
  doc.text(
    ellipsize(frame.title, titleRoom, (t) => doc.widthOfString(t)),
    left,
    footerY,
    { lineBreak: false },
  );
  doc.restore();
}

function textWidth(doc: PDFKit.PDFDocument, font: string, size: number, text: string): number {
  return doc.font(font).fontSize(size).widthOfString(text);
}
