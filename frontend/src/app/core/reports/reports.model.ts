import type { Schema } from '../api/schema';
import { Role } from '../auth/user.model';

/** Shapes of the core's reports API (core/src/reports, docs/reports.md). */

/** One parameter a report asks for. date: yyyy-mm-dd; month: yyyy-mm; team / command / port: a reference id. */
export type ReportParameter = Schema<'ReportParameterView'>;

/** A report the user may run (`GET /api/reports`). `pluginId` is null for cross-workflow reports. */
export type ReportSummary = Schema<'ReportDto'>;

export type ReportRunStatus = Schema<'ReportRunStatus'>;

/** A run of a report, as polled. */
export type ReportRun = Schema<'ReportRunDto'>;

/** Roles that may change a report's schedule (`reports.schedule`). */
export const SCHEDULE_ROLES: readonly Role[] = ['manager', 'admin'];

/** A report's schedule (`GET` and `PUT /api/reports/:reportId/schedule`); cron in UK time. */
export type ReportSchedule = Schema<'ReportScheduleDto'>;
