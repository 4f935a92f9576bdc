import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { LOGGER } from '../tokens.js';
import { sendPdf } from './pdf-reply.js';
import { CreateRunDto, ReportListView, ReportRunDto, ReportRunListView, RunListQueryDto } from './reports.dto.js';
import { ReportScheduleDto } from './report-schedule.dto.js';
import { ReportScheduleSettingsService } from './report-schedule-settings.service.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly schedules: ReportScheduleSettingsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Reports the caller's roles may run, across plugins and cross-workflow, with their parameters. */
  @RequirePermission('reports.read')
  @Get()
  @ApiOkResponse({ type: ReportListView })
  list(@CurrentScope() scope: AccessScope): Promise<ReportListView> {
    return this.reports.list(scope);
  }

  /** The caller's runs and the scheduled runs of their command, newest first. */
  @RequirePermission('reports.read')
  @Get('runs')
  @ApiOkResponse({ type: ReportRunListView })
  runs(@Query() query: RunListQueryDto, @CurrentScope() scope: AccessScope): Promise<ReportRunListView> {
    return this.reports.listRuns(scope, query.mine ?? false);
  }

  @RequirePermission('reports.read')
  @Get('runs/:runId')
  @ApiOkResponse({ type: ReportRunDto })
  run(@Param('runId') runId: string, @CurrentScope() scope: AccessScope): Promise<ReportRunDto> {
    return this.reports.run(runId, scope);
  }

  /** The finished PDF; every download is audited. */
  @RequirePermission('reports.read')
  @Get('runs/:runId/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
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
  @ApiAcceptedResponse({ type: ReportRunDto })
  create(
    @Param('reportId') reportId: string,
    @Body() dto: CreateRunDto,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<ReportRunDto> {
    return this.reports.createRun(reportId, dto.parameters, scope, ip);
  }

  /** Renders straight into the response, parameters in the query string. */
  @RequirePermission('reports.run')
  @Get(':reportId/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
  async direct(
    @Param('reportId') reportId: string,
    @Query() query: Record<string, string>,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ) {
    await sendPdf(reply, await this.reports.direct(reportId, { ...query }, scope, ip), this.logger);
  }

  /** The report's schedule: cron (UK time), enabled, fixed parameters and the next run. */
  @RequirePermission('reports.read')
  @Get(':reportId/schedule')
  @ApiOkResponse({ type: ReportScheduleDto })
  schedule(@Param('reportId') reportId: string, @CurrentScope() scope: AccessScope): Promise<ReportScheduleDto> {
    return this.schedules.get(reportId, scope);
  }

  /**
   * Sets the report's schedule; in force on every instance at once, no restart. Audited
   * `report.schedule-changed`. `cron: null` goes back to the report's own schedule.
   */
  @RequirePermission('reports.schedule')
  @Put(':reportId/schedule')
  @ApiOkResponse({ type: ReportScheduleDto })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        cron: { type: 'string', nullable: true, example: '0 6 1 * *' },
        enabled: { type: 'boolean' },
        parameters: { type: 'object', example: { eventLog: 'yes' } },
      },
    },
  })
  setSchedule(
    @Param('reportId') reportId: string,
    @Body() body: unknown,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<ReportScheduleDto> {
    return this.schedules.put(reportId, body, scope, ip);
  }
}
