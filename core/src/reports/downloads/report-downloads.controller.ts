import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import type { Logger } from 'pino';
import type { AccessScope } from '../../identity/access.js';
import { ClientIp, CurrentScope } from '../../identity/caller.decorator.js';
import { RequirePermission } from '../../identity/permissions.js';
import { LOGGER } from '../../tokens.js';
import {
  CONTENT_TYPES,
  ReportDownloadsService,
  type DownloadFormat,
  type ReportFile,
} from './report-downloads.service.js';

/** A report's figures as a spreadsheet, parameters in the query string as for its PDF. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportDownloadsController {
  constructor(
    private readonly downloads: ReportDownloadsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Every table of the report in one CSV file, streamed; audited `report.downloaded`. */
  @RequirePermission('reports.run')
  @Get(':reportId/csv')
  @ApiProduces(CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'The CSV' })
  csv(
    @Param('reportId') reportId: string,
    @Query() query: Record<string, string>,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send('csv', reportId, query, scope, ip, reply);
  }

  /** A workbook with a sheet per table, streamed; audited `report.downloaded`. */
  @RequirePermission('reports.run')
  @Get(':reportId/xlsx')
  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The workbook' })
  xlsx(
    @Param('reportId') reportId: string,
    @Query() query: Record<string, string>,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send('xlsx', reportId, query, scope, ip, reply);
  }

  private async send(
    format: DownloadFormat,
    reportId: string,
    query: Record<string, string>,
    scope: AccessScope,
    ip: string,
    reply: FastifyReply,
  ): Promise<void> {
    await sendFile(reply, await this.downloads.file(reportId, format, { ...query }, scope, ip), this.logger);
  }
}

/** Streams the file as an attachment; a failure after the headers went out can only cut the stream. */
async function sendFile(reply: FastifyReply, file: ReportFile, logger: Logger): Promise<void> {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'no-store');
  const body = new PassThrough();
  void reply.send(body);
  try {
    await file.write(body);
  } catch (error: unknown) {
    logger.error({ err: error, file: file.fileName }, 'report download failed mid-stream');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
