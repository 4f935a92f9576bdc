import PDFDocument from 'pdfkit';
import type { ReportFonts } from '../report-assets.js';
import type { ReportMeta } from '../report.types.js';
import { FONT } from './page-theme.js';

/** The Creator recorded in every report's metadata. */
export const REPORT_CREATOR = 'Central Operations Platform';

/**
 * Creates a streaming pdfkit document (pages are flushed as soon as the next one
 * starts: `bufferPages` is off) with the report's metadata and the embedded
 * Liberation Sans faces registered as {@link FONT}.
 */
export function createPdfDocument(
  meta: ReportMeta,
  fonts: ReportFonts,
  options: { compress: boolean },
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    compress: options.compress,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject ?? meta.title,
      Creator: REPORT_CREATOR,
      Keywords: meta.marking ?? 'OFFICIAL-SENSITIVE',
      CreationDate: meta.generatedAt,
    },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.font(FONT.regular);
  return doc;
}
