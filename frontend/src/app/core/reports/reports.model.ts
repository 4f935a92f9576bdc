import { Role } from '../auth/user.model';

/** Shapes of the core's reports API (core/src/reports, docs/reports.md). */

/** One parameter a report asks for. date: yyyy-mm-dd; month: yyyy-mm; team / command / port: a reference id. */
export interface ReportParameter {
  name: string;
  label: string;
  type: 'date' | 'month' | 'team' | 'command' | 'port' | 'select';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
}

/** A report the user may run (`GET /api/reports`). `pluginId` is null for cross-workflow reports. */
export interface ReportSummary {
  id: string;
  pluginId: string | null;
  title: string;
  description: string;
  parameters: ReportParameter[];
  schedule: string | null;
  /** When the schedule in force next produces the report (ISO); null without one. */
  nextRun: string | null;
}

export type ReportRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** A run of a report, as polled. */
export interface ReportRun {
  id: string;
  reportId: string;
  title: string;
  parameters: Record<string, string>;
  status: ReportRunStatus;
  progress: { percent: number; rowsDone: number; rowsTotal?: number };
  scheduled: boolean;
  scheduledFor: string | null;
  generatedBy: string;
  pages: number | null;
  bytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Where to download the PDF once done. */
  pdf: string | null;
}

/** Roles that may change a report's schedule (`reports.schedule`). */
export const SCHEDULE_ROLES: readonly Role[] = ['manager', 'admin'];

/** A report's schedule (`GET` and `PUT /api/reports/:reportId/schedule`); cron in UK time. */
export interface ReportSchedule {
  reportId: string;
  /** The cron in force: the one set here, else the report's own; null when there is none. */
  cron: string | null;
  /** The report's own schedule, used when none is set here. */
  defaultCron: string | null;
  enabled: boolean;
  /** Fixed parameters of every scheduled run (the period and command are filled in per run). */
  parameters: Record<string, string>;
  timeZone: string;
  /** When the next scheduled run is queued; null when disabled or without a cron. */
  nextRun: string | null;
  source: 'default' | 'custom';
  updatedAt: string | null;
  updatedBy: string | null;
}
