import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A report's schedule as an admin set it (`core.report_schedule`); a report without a row runs on its own schedule. */
export interface StoredSchedule {
  reportId: string;
  cron: string | null;
  enabled: boolean;
  parameters: Record<string, string>;
  updatedAt: Date;
  updatedBy: string | null;
}

/** What an admin sets: the override written over a report's own schedule. */
export interface ScheduleChange {
  reportId: string;
  cron: string | null;
  enabled: boolean;
  parameters: Record<string, string>;
  updatedBy: string;
}

/** The channel a schedule change is announced on, to every instance (this one included). */
export const SCHEDULE_CHANNEL = 'cop_report_schedule';

/** Report schedules set at runtime, one row per report key. */
@Injectable()
export class ReportSchedulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The stored schedules: all of them, or one report's (none when it has no override). */
  async stored(reportKey?: string): Promise<StoredSchedule[]> {
    return (await this.dataSource.query(
      `SELECT report_id AS "reportId", cron, enabled, parameters, updated_at AS "updatedAt", updated_by AS "updatedBy"
         FROM core.report_schedule ${reportKey === undefined ? '' : 'WHERE report_id = $1'}`,
      reportKey === undefined ? [] : [reportKey],
    )) as StoredSchedule[];
  }

  /**
   * Writes the override in the caller's transaction and announces it on `SCHEDULE_CHANNEL`;
   * PostgreSQL delivers the announcement at commit, so no instance reloads a change that rolled back.
   */
  async save(manager: EntityManager, change: ScheduleChange): Promise<void> {
    await manager.query(
      `INSERT INTO core.report_schedule (report_id, cron, enabled, parameters, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (report_id) DO UPDATE
         SET cron = EXCLUDED.cron, enabled = EXCLUDED.enabled, parameters = EXCLUDED.parameters,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [change.reportId, change.cron, change.enabled, JSON.stringify(change.parameters), change.updatedBy],
    );
    await manager.query('SELECT pg_notify($1, $2)', [SCHEDULE_CHANNEL, change.reportId]);
  }
}
