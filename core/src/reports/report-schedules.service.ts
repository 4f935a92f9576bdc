import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { CronJob } from 'cron';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { LOGGER, REFERENCE } from '../tokens.js';
import { ReportCatalogue } from './report-catalogue.js';
import type { ReportDefinition } from './report-definition.js';
import { ReportJobsService } from './report-jobs.service.js';
import { ReportRunsRepository } from './report-runs.repository.js';

export const SCHEDULE_TIME_ZONE = 'Europe/London';

/**
 * Scheduled reports. Every instance keeps the same cron jobs; a tick inserts one run per
 * command keyed by (report, fire time, command) under a unique index, so however many
 * instances tick, each scheduled run exists exactly once. The job queue then renders it.
 * A report's cron is `schedule` on its definition unless `core.report_schedule` overrides it.
 */
@Injectable()
export class ReportSchedulesService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly catalogue: ReportCatalogue,
    private readonly runs: ReportRunsRepository,
    private readonly jobs: ReportJobsService,
    private readonly scheduler: SchedulerRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'report-schedules' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const overrides = new Map(
      (
        (await this.dataSource.query('SELECT report_id AS "reportId", cron, enabled FROM core.report_schedule')) as {
          reportId: string;
          cron: string | null;
          enabled: boolean;
        }[]
      ).map((o) => [o.reportId, o]),
    );
    for (const definition of this.catalogue.all()) {
      const override = overrides.get(definition.key);
      const cron = override?.cron ?? definition.report.schedule;
      if (!cron || override?.enabled === false) continue;
      try {
        const job = CronJob.from({
          cronTime: cron,
          timeZone: SCHEDULE_TIME_ZONE,
          onTick: () => {
            void this.tick(definition.key, new Date()).catch((error: unknown) =>
              this.logger.error({ err: error, report: definition.key }, 'scheduled report tick failed'),
            );
          },
        });
        this.scheduler.addCronJob(`report:${definition.key}`, job);
        job.start();
      } catch (error: unknown) {
        this.logger.error(
          { err: error, report: definition.key, cron },
          'report schedule is not a valid cron expression',
        );
      }
    }
  }

  /**
   * Queues the scheduled runs of one fire time: one per command. The time is truncated to the
   * minute so instances whose clocks differ by a little agree on the key. Returns runs created here.
   */
  async tick(reportKey: string, firedAt: Date): Promise<number> {
    const definition = this.catalogue.get(reportKey);
    if (!definition) return 0;
    const scheduledFor = new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000);
    const organisation = new Organisation(this.reference.rows('organisation'));
    const commands = this.reference.rows('organisation').filter((r) => r.attributes?.level === 'command');
    let created = 0;
    for (const command of commands) {
      const parameters = scheduledParameters(definition, scheduledFor, command.id);
      if (!parameters) {
        this.logger.warn(
          { report: reportKey },
          'scheduled report has required parameters a schedule cannot fill; skipped',
        );
        return created;
      }
      const run = await this.runs.insert({
        reportId: reportKey,
        title: definition.report.title,
        parameters,
        requestedBy: null,
        generatedBy: `Scheduled report (${command.label})`,
        scopeTeams: organisation.teamsInCommand(command.id),
        commandId: command.id,
        scheduledFor,
      });
      if (run) created++;
    }
    if (created > 0) this.jobs.kick();
    return created;
  }
}

/** A scheduled run covers the previous calendar month (UK time) for one command. */
export function scheduledParameters(
  definition: ReportDefinition,
  firedAt: Date,
  commandId: string,
): Record<string, string> | undefined {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: SCHEDULE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  })
    .format(firedAt)
    .split('-')
    .map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  const values: Record<string, string> = {};
  for (const parameter of definition.report.parameters ?? []) {
    if (parameter.name === 'from' && parameter.type === 'date') values.from = first.toISOString().slice(0, 10);
    else if (parameter.name === 'to' && parameter.type === 'date') values.to = last.toISOString().slice(0, 10);
    else if (parameter.type === 'month') values[parameter.name] = first.toISOString().slice(0, 7);
    else if (parameter.type === 'command') values[parameter.name] = commandId;
    else if (parameter.required) return undefined;
  }
  return values;
}
