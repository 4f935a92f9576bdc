import { resetFontLayoutCaches } from './font-cache.js';
import { drawPageFrame } from './page-frame.js';
import { COLOUR, FONT, PAGE, lineHeight } from './page-theme.js';
import { wrapText } from './text-wrap.js';

/** Frame text that stays the same on every page. */
export interface CursorFrame {
  readonly marking: string;
  readonly title: string;
  readonly totalPages: number | undefined;
}

/**
 * Owns pagination: the current page, the vertical position within the content area,
 * and the frame drawn on each new page. Block renderers ask `fits`/`ensure` before
 * they draw, so pdfkit itself never decides where a page ends.
 */
export class PageCursor {
  /** Pages started so far. */
  pages = 0;
  /** Top of the free space on the current page. */
  y: number = PAGE.contentTop;
  /** Left edge of the content area. */
  readonly left: number = PAGE.marginX;
  /** Width of the content area. */
  readonly width: number = PAGE.width - 2 * PAGE.marginX;
  /** Bottom edge of the content area. */
  readonly bottom: number = PAGE.contentBottom;

  constructor(
    /** The pdfkit document drawn on. */
    readonly doc: PDFKit.PDFDocument,
    private readonly frame: CursorFrame,
  ) {}

  /** Height of an empty page's content area. */
  get pageContentHeight(): number {
    return this.bottom - PAGE.contentTop;
  }

  /** Space left on the current page. */
  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Whether anything has been drawn on the current page below the frame. */
  get atPageTop(): boolean {
    return this.y <= PAGE.contentTop;
  }

  /** Starts a new page with its frame. */
  newPage(): void {
    resetFontLayoutCaches(this.doc);
    this.doc.addPage({ size: PAGE.size, margin: 0 });
    this.pages++;
    drawPageFrame(this.doc, { ...this.frame, pageNumber: this.pages });
    this.y = PAGE.contentTop;
  }

  /** Starts a new page unless `height` fits below the cursor; returns whether it did. */
  ensure(height: number): boolean {
    if (this.pages > 0 && this.y + height <= this.bottom) return false;
    if (this.pages > 0 && this.atPageTop) return false; // taller than a page: the caller must split it
    this.newPage();
    return true;
  }

  /** Moves the cursor down, never past the bottom edge. */
  advance(height: number): void {
    this.y = Math.min(this.y + height, this.bottom);
  }

  /** Sets font and size; returns a width measurer for them. */
  useFont(bold: boolean, size: number): (text: string) => number {
    this.doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
    return (text) => this.doc.widthOfString(text);
  }

  /**
   * Writes wrapped text at the cursor, moving to new pages between lines as needed.
   * Used for headings and paragraphs; tables and charts place their own text.
   */
  writeLines(
    text: string,
    options: { bold: boolean; size: number; colour?: string; x?: number; width?: number },
  ): void {
    const x = options.x ?? this.left;
    const measure = this.useFont(options.bold, options.size);
    const step = lineHeight(options.size);
    this.doc.fillColor(options.colour ?? COLOUR.text);
    for (const line of wrapText(text, options.width ?? this.width, measure)) {
      if (this.ensure(step)) this.useFont(options.bold, options.size); // the frame changed the font
      this.doc.fillColor(options.colour ?? COLOUR.text);
      this.doc.text(line, x, this.y, { lineBreak: false });
      this.y += step;
    }
  }
}
