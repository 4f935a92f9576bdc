import { nextRunOf } from './report-schedule-cron.js';
import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { REFERENCE } from '../tokens.js';
import type { RenderResult } from './pipeline/index.js';
import { mayRun, ReportCatalogue } from './report-catalogue.js';
import type { ReportDefinition } from './report-definition.js';
import { ReportJobsService } from './report-jobs.service.js';
import { callerCommands, checkParameters } from './report-parameters.js';
import { ReportRenderer } from './report-renderer.js';
import { ReportRunsRepository, type ReportRunRecord } from './report-runs.repository.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';
import { readStoredPdf } from './report-store.js';
import { toReportDto, toRunDto, type ReportDto, type ReportRunDto } from './reports.dto.js';

/** A PDF ready to send: its file name and a way to produce its bytes. */
export interface PdfDownload {
  fileName: string;
  stream?: Readable;
  render?: (out: NodeJS.WritableStream) => Promise<RenderResult>;
}

/** The rules of running and downloading reports: who may run what, over which data, and the audit trail. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly catalogue: ReportCatalogue,
    private readonly runs: ReportRunsRepository,
    private readonly jobs: ReportJobsService,
    private readonly renderer: ReportRenderer,
    private readonly schedules: ReportSchedulesRepository,
    private readonly audits: AuditRepository,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  /** Runnable reports, each with the schedule in force (null when it has none or it is disabled). */
  async list(scope: AccessScope): Promise<{ reports: ReportDto[] }> {
    const stored = new Map((await this.schedules.stored()).map((s) => [s.reportId, s]));
    return {
      reports: this.catalogue.runnableBy(scope.roles).map((definition) => {
        const own = stored.get(definition.key);
        const cron = own?.enabled === false ? null : (own?.cron ?? definition.report.schedule ?? null);
        return { ...toReportDto(definition), schedule: cron, nextRun: nextRunOf(cron)?.toISOString() ?? null };
      }),
    };
  }

  /** Validates and queues a run; rendering starts on whichever instance claims it first. */
  async createRun(key: string, input: unknown, scope: AccessScope, ip: string): Promise<ReportRunDto> {
    const definition = this.runnable(key, scope);
    const checked = checkParameters(definition.report.parameters ?? [], parametersOf(input), scope, this.reference);
    const run = await this.runs.insert({
      reportId: definition.key,
      title: definition.report.title,
      parameters: checked.values,
      requestedBy: scope.userId,
      generatedBy: await this.displayName(scope),
      scopeTeams: checked.scopeTeams,
      commandId: checked.commandId,
    });
    await this.audit(scope, ip, 'report.requested', run!.id, { report: definition.key, parameters: checked.values });
    this.jobs.kick();
    return toRunDto(run!);
  }

  async run(runId: string, scope: AccessScope): Promise<ReportRunDto> {
    return toRunDto(await this.visibleRun(runId, scope));
  }

  /** Own runs and the command's scheduled ones; admins see every run unless they ask for `mine`. */
  async listRuns(scope: AccessScope, mine: boolean, limit = 50): Promise<{ runs: ReportRunDto[] }> {
    const commands =
      scope.all && !mine ? null : callerCommands(scope, new Organisation(this.reference.rows('organisation')));
    const runs = await this.runs.list(scope.userId, commands, limit);
    return {
      runs: runs.filter((r) => r.requestedBy === scope.userId || this.mayRunKey(r.reportId, scope)).map(toRunDto),
    };
  }

  /** The stored PDF of a finished run, each download audited. */
  async download(runId: string, scope: AccessScope, ip: string): Promise<PdfDownload> {
    const run = await this.visibleRun(runId, scope);
    if (run.status !== 'done') throw new ConflictError('The report is not ready yet', { status: run.status });
    await this.audit(scope, ip, 'report.downloaded', run.id, { report: run.reportId, parameters: run.parameters });
    return { fileName: fileName(run.reportId, run.parameters, run.id), stream: readStoredPdf(this.runs, run.id) };
  }

  /** Renders a report straight into the response (no stored run), for small reports. */
  async direct(key: string, input: Record<string, unknown>, scope: AccessScope, ip: string): Promise<PdfDownload> {
    const definition = this.runnable(key, scope);
    const checked = checkParameters(definition.report.parameters ?? [], input, scope, this.reference);
    const generatedBy = await this.displayName(scope);
    await this.audit(scope, ip, 'report.downloaded', definition.key, {
      report: definition.key,
      parameters: checked.values,
      direct: true,
    });
    return {
      fileName: fileName(definition.key, checked.values),
      render: (out) =>
        this.renderer.render(
          definition,
          {
            parameters: checked.values,
            printed: checked.printed,
            scopeTeams: checked.scopeTeams,
            generatedBy,
            generatedAt: new Date(),
          },
          out,
        ),
    };
  }

  private runnable(key: string, scope: AccessScope): ReportDefinition {
    const definition = this.catalogue.get(key);
    if (!definition) throw new NotFoundError(`There is no report ${key}`);
    if (!mayRun(definition, scope.roles)) throw new ForbiddenError('You do not have permission to run this report');
    return definition;
  }

  private mayRunKey(key: string, scope: AccessScope): boolean {
    const definition = this.catalogue.get(key);
    return definition !== undefined && mayRun(definition, scope.roles);
  }

  /** The caller's own run, or a scheduled run of their command for a report they may run; 404 otherwise. */
  private async visibleRun(runId: string, scope: AccessScope): Promise<ReportRunRecord> {
    const run = await this.runs.find(runId);
    const commands = callerCommands(scope, new Organisation(this.reference.rows('organisation')));
    const visible =
      run !== undefined &&
      (run.requestedBy === scope.userId ||
        (scope.all && this.mayRunKey(run.reportId, scope)) ||
        (run.scheduledFor !== null &&
          run.commandId !== null &&
          commands.includes(run.commandId) &&
          this.mayRunKey(run.reportId, scope)));
    if (!visible) throw new NotFoundError(`There is no report run ${runId}`);
    return run;
  }

  private async displayName(scope: AccessScope): Promise<string> {
    return (await this.runs.displayName(scope.userId)) ?? scope.username;
  }

  private async audit(
    scope: AccessScope,
    ip: string,
    action: string,
    entityId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audits.append(undefined, [
      { actorId: scope.userId, actor: scope.username, action, entityType: 'report-run', entityId, ip, detail },
    ]);
  }
}

function parametersOf(input: unknown): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw new InputError('There is a problem', [{ path: 'parameters', message: 'parameters must be an object' }]);
  return input as Record<string, unknown>;
}

function fileName(key: string, parameters: Record<string, string>, runId?: string): string {
  const period = [parameters.from, parameters.to].filter(Boolean).join('-to-') || parameters.month || '';
  return [key.replace(/\./g, '-'), period, runId?.slice(0, 8)].filter(Boolean).join('_') + '.pdf';
}
