import { HttpClient } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Observable, firstValueFrom, map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { TokenStore } from '../auth/token-store';
import { REPORT_ROLES, hasAnyRole } from '../auth/user.model';
import { ReportRun, ReportSchedule, ReportSummary } from './reports.model';

const enc = encodeURIComponent;

/**
 * The reports API. The list of reports the user may run is fetched once per signed-in user, so
 * the header can show "Reports" only to those who have some (managers, say, but not officers).
 */
@Injectable({ providedIn: 'root' })
export class ReportsService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly catalogue = signal<ReportSummary[] | null>(null);
  private loading: Promise<ReportSummary[]> | null = null;

  /** Reports the user may run; null until known. */
  readonly reports = this.catalogue.asReadonly();
  /** Whether the user may run any report. */
  readonly canRunReports = computed(() => (this.catalogue()?.length ?? 0) > 0);

  private loadedFor: string | null = null;

  constructor() {
    this.sync();
    // After sign-in the user is set just after the tokens, hence the microtask.
    const subscription = inject(TokenStore).changes.subscribe(() => queueMicrotask(() => this.sync()));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Fetches the list when a different user signs in; forgets it on sign-out. */
  private sync(): void {
    const user = this.auth.user();
    if ((user?.id ?? null) === this.loadedFor) return;
    this.loadedFor = user?.id ?? null;
    this.catalogue.set(null);
    this.loading = null;
    if (hasAnyRole(user, REPORT_ROLES)) this.load().catch(() => undefined);
  }

  /** The reports the user may run (fetched once; `force` fetches again). */
  load(force = false): Promise<ReportSummary[]> {
    if (force) this.loading = null;
    this.loading ??= firstValueFrom(this.http.get<{ reports: ReportSummary[] }>('/api/reports')).then(
      (body) => {
        this.catalogue.set(body.reports);
        return body.reports;
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  /** Queues a run (202 with the run to poll). 400 carries `parameters.<name>` errors. */
  start(reportId: string, parameters: Record<string, string>): Observable<ReportRun> {
    return this.http.post<ReportRun>(`/api/reports/${enc(reportId)}/runs`, { parameters });
  }

  run(runId: string): Observable<ReportRun> {
    return this.http.get<ReportRun>(`/api/reports/runs/${enc(runId)}`);
  }

  /** The user's own runs and the scheduled runs of their command, newest first. */
  runs(): Observable<ReportRun[]> {
    return this.http
      .get<{ runs: ReportRun[] }>('/api/reports/runs', { params: { mine: 'true' } })
      .pipe(map((body) => body.runs));
  }

  /** A report's schedule and its next run. */
  schedule(reportId: string): Observable<ReportSchedule> {
    return this.http.get<ReportSchedule>(`/api/reports/${enc(reportId)}/schedule`);
  }

  /** Changes a report's schedule; fields left out keep their value, `cron: null` goes back to the report's own. 400 carries `{ path, message }` errors. */
  saveSchedule(
    reportId: string,
    update: { cron?: string | null; enabled?: boolean; parameters?: Record<string, string> },
  ): Observable<ReportSchedule> {
    return this.http.put<ReportSchedule>(`/api/reports/${enc(reportId)}/schedule`, update);
  }
}
