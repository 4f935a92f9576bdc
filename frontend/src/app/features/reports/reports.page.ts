import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { hasAnyRole } from '../../core/auth/user.model';
import { downloadFile } from '../../core/api/download';
import { displayDateTime } from '../../core/cases/task-display';
import { PluginSummary } from '../../core/plugins/plugin.model';
import { PluginsService } from '../../core/plugins/plugins.service';
import { ReportRun, ReportSummary, SCHEDULE_ROLES } from '../../core/reports/reports.model';
import { ReportsService } from '../../core/reports/reports.service';
import { describeParameters } from './report-form';
import { describeCron, nextRunWords } from './report-schedule';
import { REPORT_MESSAGES, RUN_STATUS_TAGS, reportErrorMessage } from './reports.messages';

/** Heading for reports that read across workflows (no plugin). */
const CROSS_WORKFLOW = 'Across workflows';

/** The reports the user may run, grouped by workflow, and their recent and scheduled runs. */
@Component({
  selector: 'cop-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './reports.page.html',
})
export class ReportsPage {
  private readonly reports = inject(ReportsService);
  private readonly http = inject(HttpClient);
  private readonly user = inject(AuthService).user;

  readonly messages = REPORT_MESSAGES;
  readonly tags = RUN_STATUS_TAGS;
  readonly when = displayDateTime;
  readonly list = signal<ReportSummary[] | null>(null);
  readonly plugins = signal<PluginSummary[]>([]);
  readonly runs = signal<ReportRun[] | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly runsError = signal<string | null>(null);
  readonly downloadingId = signal<string | null>(null);
  readonly downloadError = signal<string | null>(null);
  /** Whether the user may change schedules (managers and admins). */
  readonly canSchedule = computed(() => hasAnyRole(this.user(), SCHEDULE_ROLES));
  /** When each scheduled report is next produced, in words, once known. */
  /** The success message after a schedule was changed. */
  readonly scheduled = signal<string | null>(null);

  /** Reports grouped by the workflow they belong to, cross-workflow ones first. */
  readonly groups = computed(() => {
    const title = (id: string | null) =>
      id === null ? CROSS_WORKFLOW : (this.plugins().find((p) => p.id === id)?.title ?? id);
    const byGroup = new Map<string, ReportSummary[]>();
    for (const report of this.list() ?? []) {
      const key = title(report.pluginId);
      byGroup.set(key, [...(byGroup.get(key) ?? []), report]);
    }
    return [...byGroup]
      .map(([heading, reports]) => ({ heading, reports }))
      .sort((a, b) =>
        a.heading === CROSS_WORKFLOW ? -1 : b.heading === CROSS_WORKFLOW ? 1 : a.heading.localeCompare(b.heading),
      );
  });

  constructor() {
    const state = (inject(Router).currentNavigation()?.extras.state ?? history.state ?? {}) as { scheduled?: unknown };
    this.scheduled.set(typeof state.scheduled === 'string' ? state.scheduled : null);
    this.reports.load(true).then(
      (list) => this.list.set(list),
      (error: unknown) => this.loadError.set(reportErrorMessage(toApiError(error), REPORT_MESSAGES.loadFailed)),
    );
    inject(PluginsService)
      .list()
      .subscribe({ next: (plugins) => this.plugins.set(plugins), error: () => undefined });
    firstValueFrom(this.reports.runs()).then(
      (runs) => this.runs.set(runs),
      (error: unknown) => this.runsError.set(reportErrorMessage(toApiError(error), REPORT_MESSAGES.runsFailed)),
    );
  }

  /** "every Monday at 7:30am", or "on a custom schedule". */
  scheduleWords(cron: string): string {
    const words = describeCron(cron);
    return words ? words.charAt(0).toLowerCase() + words.slice(1) : 'on a custom schedule';
  }

  /** "30 November 2026 at 7:30am" for a report's next scheduled run, or null without one. */
  nextRun(report: ReportSummary): string | null {
    return report.schedule && report.nextRun ? nextRunWords(report.nextRun) : null;
  }

  /** The parameters of a run, in words. */
  describe(run: ReportRun): string {
    return describeParameters(run.parameters, this.list()?.find((r) => r.id === run.reportId)?.parameters);
  }

  async download(run: ReportRun): Promise<void> {
    if (!run.pdf || this.downloadingId()) return;
    this.downloadingId.set(run.id);
    this.downloadError.set(null);
    try {
      await downloadFile(this.http, run.pdf, `${run.reportId}.pdf`);
    } catch (error: unknown) {
      this.downloadError.set(reportErrorMessage(toApiError(error), REPORT_MESSAGES.downloadFailed));
    } finally {
      this.downloadingId.set(null);
    }
  }
}
