import type { ReportBlock } from '../document.model.js';
import type { ReportInput } from '../report.types.js';
import { drawChart } from './chart.renderer.js';
import { PageCursor, type CursorFrame } from './page-cursor.js';
import { drawTable } from './table.renderer.js';
import { lineHeight, SIZE } from './page-theme.js';
import { drawHeading, drawImage, drawKeyValues, drawParagraph, imageBlockHeight } from './text-blocks.js';

/** Hooks one layout pass calls as it goes. */
export interface PassHooks {
  /** Called every few hundred rows and at the end of each table with rows done in this pass. */
  readonly progress: (rowsDone: number) => void;
  /** Awaited every few rows so output can drain. */
  readonly pace: () => Promise<void>;
}

const PROGRESS_EVERY = 500;
const PACE_EVERY = 100;

/**
 * Lays out and draws the blocks once, pulling streamed rows as it goes. The same
 * function runs for the counting pass and the writing pass, so both make exactly
 * the same page breaks. Returns the pages and table body rows produced.
 */
export async function layoutDocument(
  doc: PDFKit.PDFDocument,
  blocks: readonly ReportBlock[],
  frame: CursorFrame,
  rows: ReportInput['rows'],
  hooks: PassHooks,
  images?: ReportInput['images'],
): Promise<{ pages: number; rows: number }> {
  const cursor = new PageCursor(doc, frame);
  cursor.newPage();
  let rowsDone = 0;
  for (const [i, block] of blocks.entries()) {
    switch (block.kind) {
      case 'heading': {
        // A heading over a picture moves to the next page with it rather than stay behind alone.
        const next = blocks[i + 1];
        if (next?.kind === 'image' && !cursor.atPageTop)
          cursor.ensure(lineHeight(SIZE.h2) + 12 + imageBlockHeight(cursor, next, images?.get(next.ref)));
        drawHeading(cursor, block);
        break;
      }
      case 'paragraph':
        drawParagraph(cursor, block);
        break;
      case 'kv':
        drawKeyValues(cursor, block);
        break;
      case 'chart':
        drawChart(cursor, block);
        break;
      case 'pagebreak':
        if (!cursor.atPageTop) cursor.newPage();
        break;
      case 'image':
        drawImage(cursor, block, images?.get(block.ref));
        break;
      case 'table': {
        if (block.source && !rows)
          throw new Error(`the template reads row source "${block.source}" but no rows were supplied`);
        const before = rowsDone;
        const drawn = await drawTable(cursor, block, block.source ? rows!() : undefined, {
          onRow: async (inTable) => {
            rowsDone = before + inTable;
            if (rowsDone % PROGRESS_EVERY === 0) hooks.progress(rowsDone);
            if (inTable % PACE_EVERY === 0) await hooks.pace();
          },
        });
        rowsDone = before + drawn;
        hooks.progress(rowsDone);
        break;
      }
    }
  }
  return { pages: cursor.pages, rows: rowsDone };
}
