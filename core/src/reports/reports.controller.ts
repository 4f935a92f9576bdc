import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { LOGGER } from '../tokens.js';
import { sendPdf } from './pdf-reply.js';
import { CreateRunDto, RunListQueryDto } from './reports.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Reports the caller's roles may run, across plugins and cross-workflow, with their parameters. */
  @RequirePermission('reports.read')
  @Get()
  list(@CurrentScope() scope: AccessScope) {
    return this.reports.list(scope);
  }

  /** The caller's runs and the scheduled runs of their command, newest first. */
  @RequirePermission('reports.read')
  @Get('runs')
  runs(@Query() query: RunListQueryDto, @CurrentScope() scope: AccessScope) {
    return this.reports.listRuns(scope, query.mine ?? false);
  }

  @RequirePermission('reports.read')
  @Get('runs/:runId')
  run(@Param('runId') runId: string, @CurrentScope() scope: AccessScope) {
    return this.reports.run(runId, scope);
  }

  /** The finished PDF; every download is audited. */
  @RequirePermission('reports.read')
  @Get('runs/:runId/pdf')
  async pdf(
    @Param('runId') runId: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ) {
    await sendPdf(reply, await this.reports.download(runId, scope, ip), this.logger);
  }

  /** Queues a run: 202 with the run to poll. */
  @RequirePermission('reports.run')
  @Post(':reportId/runs')
  @HttpCode(202)
  create(
    @Param('reportId') reportId: string,
    @Body() dto: CreateRunDto,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ) {
    return this.reports.createRun(reportId, dto.parameters, scope, ip);
  }

  /** Renders straight into the response, parameters in the query string. */
  @RequirePermission('reports.run')
  @Get(':reportId/pdf')
  async direct(
    @Param('reportId') reportId: string,
    @Query() query: Record<string, string>,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ) {
    await sendPdf(reply, await this.reports.direct(reportId, { ...query }, scope, ip), this.logger);
  }
}
