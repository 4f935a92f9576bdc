import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { PdfDownload } from './reports.service.js';

/**
 * Sends a PDF as an attachment: a stored one as it is read, a rendered one as pdfkit writes
 * it (so memory stays flat). A failure after the headers went out can only cut the stream.
 */
export async function sendPdf(reply: FastifyReply, download: PdfDownload, logger: Logger): Promise<void> {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'no-store');
  if (download.stream) {
    await reply.send(download.stream);
    return;
  }
  const body = new PassThrough();
  void reply.send(body);
  try {
    await download.render!(body);
  } catch (error: unknown) {
    logger.error({ err: error, file: download.fileName }, 'PDF rendering failed mid-stream');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
