import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { Logger } from 'pino';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import type { PgEvents } from '../database/pg-events.js';
import { LOGGER, PG_EVENTS, REFERENCE } from '../tokens.js';
import { ReportCatalogue } from './report-catalogue.js';
import type { ReportDefinition } from './report-definition.js';
import { ReportJobsService } from './report-jobs.service.js';
import { ReportRunsRepository } from './report-runs.repository.js';
import { ReportSchedulesRepository, SCHEDULE_CHANNEL, type StoredSchedule } from './report-schedules.repository.js';
import { SCHEDULE_TIME_ZONE } from './report-schedule-cron.js';

export { SCHEDULE_TIME_ZONE };

export { SCHEDULE_CHANNEL, type StoredSchedule };

/** What a report's schedule is now: the stored override, else the report's own `schedule`. */
export interface EffectiveSchedule {
  cron: string | null;
  enabled: boolean;
  parameters: Record<string, string>;
}

export function effectiveSchedule(definition: ReportDefinition, stored?: StoredSchedule): EffectiveSchedule {
  return {
    cron: stored?.cron ?? definition.report.schedule ?? null,
    enabled: stored ? stored.enabled : true,
    parameters: stored?.parameters ?? {},
  };
}

/**
 * Scheduled reports. Every instance keeps the same cron jobs; a tick inserts one run per
 * command keyed by (report, fire time, command) under a unique index, so however many
 * instances tick, each scheduled run exists exactly once. The job queue then renders it.
 *
 * A report's cron is `schedule` on its definition unless `core.report_schedule` overrides it
 * (PUT /api/reports/:reportId/schedule). A change is announced with NOTIFY on
 * `cop_report_schedule` and every instance (the writer included) rebuilds that report's job
 * from the table at once. A tick also re-reads the row before queueing anything: an instance
 * whose listener was reconnecting when the change was announced does not run a stale schedule,
 * it rebuilds the job instead.
 */
@Injectable()
export class ReportSchedulesService implements OnApplicationBootstrap {
  private readonly logger: Logger;
  /** The cron each live job was built with, by report key. */
  private readonly active = new Map<string, string>();

  constructor(
    private readonly catalogue: ReportCatalogue,
    private readonly runs: ReportRunsRepository,
    private readonly jobs: ReportJobsService,
    private readonly scheduler: SchedulerRegistry,
    private readonly schedules: ReportSchedulesRepository,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'report-schedules' });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.events.listen(
      SCHEDULE_CHANNEL,
      (key) => {
        void this.reload(key).catch((error: unknown) =>
          this.logger.error({ err: error, report: key }, 'report schedule reload failed'),
        );
      },
      // A schedule changed on another instance while the listener was reconnecting: read them all.
      async () => {
        for (const definition of this.catalogue.all()) await this.reload(definition.key);
      },
    );
    const stored = new Map((await this.stored()).map((s) => [s.reportId, s]));
    for (const definition of this.catalogue.all()) this.apply(definition, stored.get(definition.key));
  }

  /** The stored schedules (all, or one report's). */
  async stored(reportKey?: string): Promise<StoredSchedule[]> {
    return this.schedules.stored(reportKey);
  }

  /** Rebuilds one report's cron job from the table (after a change here or on another instance). */
  async reload(reportKey: string): Promise<void> {
    const definition = this.catalogue.get(reportKey);
    if (!definition) return this.remove(reportKey);
    const [stored] = await this.stored(reportKey);
    this.apply(definition, stored);
  }

  /** The cron the job of this report runs on here, if it has one (tests, the schedule API). */
  activeCron(reportKey: string): string | undefined {
    return this.active.get(reportKey);
  }

  private apply(definition: ReportDefinition, stored: StoredSchedule | undefined): void {
    const { cron, enabled } = effectiveSchedule(definition, stored);
    if (this.active.get(definition.key) === cron && enabled) return;
    this.remove(definition.key);
    if (!cron || !enabled) return;
    try {
      const job = CronJob.from({
        cronTime: cron,
        timeZone: SCHEDULE_TIME_ZONE,
        onTick: () => {
          void this.tick(definition.key, new Date(), cron).catch((error: unknown) =>
            this.logger.error({ err: error, report: definition.key }, 'scheduled report tick failed'),
          );
        },
      });
      this.scheduler.addCronJob(`report:${definition.key}`, job);
      job.start();
      this.active.set(definition.key, cron);
    } catch (error: unknown) {
      this.logger.error({ err: error, report: definition.key, cron }, 'report schedule is not a valid cron expression');
    }
  }

  private remove(reportKey: string): void {
    if (!this.active.has(reportKey)) return;
    this.active.delete(reportKey);
    try {
      this.scheduler.deleteCronJob(`report:${reportKey}`);
    } catch {
      // already gone
    }
  }

  /**
   * Queues the scheduled runs of one fire time: one per command. The time is truncated to the
   * minute so instances whose clocks differ by a little agree on the key. Returns runs created here.
   */
  async tick(reportKey: string, firedAt: Date, cron?: string): Promise<number> {
    const definition = this.catalogue.get(reportKey);
    if (!definition) return 0;
    // The table decides, not the job: a job built before a change this instance missed is stale.
    const [stored] = await this.stored(reportKey);
    const current = effectiveSchedule(definition, stored);
    if (!current.enabled || (cron !== undefined && cron !== current.cron)) {
      this.logger.warn({ report: reportKey, cron }, 'stale report schedule fired; rebuilding it, nothing queued');
      this.apply(definition, stored);
      return 0;
    }
    const scheduledFor = new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000);
    const organisation = new Organisation(this.reference.rows('organisation'));
    const commands = this.reference.rows('organisation').filter((r) => r.attributes?.level === 'command');
    let created = 0;
    for (const command of commands) {
      const parameters = scheduledParameters(definition, scheduledFor, command.id, current.parameters);
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

/**
 * A scheduled run covers the previous calendar month (UK time) for one command; other
 * parameters are the schedule's fixed ones. Undefined when a required one has no value.
 */
export function scheduledParameters(
  definition: ReportDefinition,
  firedAt: Date,
  commandId: string,
  fixed: Record<string, string> = {},
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
    else if (fixed[parameter.name] !== undefined) values[parameter.name] = fixed[parameter.name]!;
    else if (parameter.required) return undefined;
  }
  return values;
}
