import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { layoutDocument } from './pdf/document.renderer.js';
import { createPdfDocument } from './pdf/pdf-document.factory.js';
import { StreamPacer } from './pdf/stream-pacer.js';
import { loadReportFonts } from './report-assets.js';
import type { CompiledReport, RenderResult, ReportInput, ReportProgress } from './report.types.js';

/** The marking used when the caller gives none. */
export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

/**
 * Renders a compiled report to PDF and streams it into `out` (which is ended).
 *
 * Two passes keep memory flat and still print "Page X of Y": the first lays the
 * document out into a discarding sink (uncompressed, nothing kept) only to count
 * pages; the second lays it out again, identically, and writes it. `input.rows()`
 * is therefore called once per pass and must yield the same rows both times.
 * Resolves with the page count and the number of table body rows written.
 */
export async function renderReportPdf(
  compiled: CompiledReport,
  input: ReportInput,
  out: NodeJS.WritableStream,
  onProgress?: ReportProgress,
): Promise<RenderResult> {
  const blocks = compiled.buildDocument(input.data, input.meta);
  const fonts = loadReportFonts();
  const frame = { marking: input.meta.marking ?? DEFAULT_MARKING, title: input.meta.title };

  const counting = createPdfDocument(input.meta, fonts, { compress: false });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  counting.pipe(sink);
  const countPacer = new StreamPacer(counting, sink);
  const layout = await layoutDocument(
    counting,
    blocks,
    { ...frame, totalPages: undefined },
    input.rows,
    { progress: (rows) => onProgress?.(rows, 'layout'), pace: () => countPacer.pace() },
    input.images,
  );
  countPacer.finish();
  counting.end();
  await finished(sink);

  const doc = createPdfDocument(input.meta, fonts, { compress: true });
  const pacer = new StreamPacer(doc, out);
  doc.pipe(out);
  let result: RenderResult;
  try {
    result = await layoutDocument(
      doc,
      blocks,
      { ...frame, totalPages: layout.pages },
      input.rows,
      { progress: (rows) => onProgress?.(rows, 'render'), pace: () => pacer.pace() },
      input.images,
    );
  } catch (error: unknown) {
    doc.unpipe(out);
    throw error;
  }
  pacer.finish();
  doc.end();
  await finished(out);
  if (result.pages !== layout.pages || result.rows !== layout.rows) {
    throw new Error(
      `the row source changed between passes (${layout.rows} then ${result.rows} rows); page numbers are wrong`,
    );
  }
  return result;
}
