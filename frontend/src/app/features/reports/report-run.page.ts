import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { downloadFile } from '../../core/api/download';
import { displayDateTime } from '../../core/cases/task-display';
import { ReportRun } from '../../core/reports/reports.model';
import { ReportsService } from '../../core/reports/reports.service';
import { PageTitle } from '../../core/ui/page-title';
import { describeParameters } from './report-form';
import { REPORT_MESSAGES, RUN_STATUS_TAGS, reportErrorMessage } from './reports.messages';

/** How often a queued or running report is checked. */
export const POLL_MS = 1000;

/** Rows in words: "3 of 8 rows", "all 8 rows" once every one is in, "3 rows so far" before they are counted. */
export function rowsText(progress: { rowsDone: number; rowsTotal?: number }): string {
  const rows = (n: number): string => `${n} ${n === 1 ? 'row' : 'rows'}`;
  const { rowsDone, rowsTotal } = progress;
  if (rowsTotal === undefined) return `${rows(rowsDone)} so far`;
  if (rowsTotal === 0) return 'no rows';
  if (rowsDone >= rowsTotal) return rowsTotal === 1 ? 'the only row' : `all ${rows(rowsTotal)}`;
  return `${rowsDone} of ${rows(rowsTotal)}`;
}

/**
 * One run: polls `GET /api/reports/runs/:runId` until it is done or failed, showing the
 * percentage and rows done (a progress bar, and a polite live region that announces the status
 * and every quarter rather than every tick), then offers the PDF.
 */
@Component({
  selector: 'cop-report-run-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  styles: `
    .cop-progress {
      height: 20px;
      margin-bottom: 10px;
      border: 2px solid var(--govuk-text-colour);
      background: var(--govuk-body-background-colour);
    }
    .cop-progress__bar {
      height: 100%;
      background: var(--govuk-brand-colour);
    }
  `,
  template: `
    <a class="govuk-back-link" routerLink="/reports">Back to reports</a>
    @if (notFound()) {
      <h1 class="govuk-heading-l">Report run not found</h1>
      <p class="govuk-body">{{ messages.runNotFound }}</p>
    } @else if (run(); as r) {
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">Report</span>
          <h1 class="govuk-heading-l">{{ r.title }}</h1>
          @if (parameters()) {
            <p class="govuk-body">{{ parameters() }}</p>
          }
          <p class="govuk-body">
            <strong class="govuk-tag" [class]="'govuk-tag ' + tags[r.status].css" data-testid="run-status">{{
              tags[r.status].text
            }}</strong>
          </p>

          @if (r.status !== 'failed') {
            <div class="govuk-!-margin-bottom-6">
              <div
                class="cop-progress"
                role="progressbar"
                aria-label="Report progress"
                aria-valuemin="0"
                aria-valuemax="100"
                [attr.aria-valuenow]="r.progress.percent"
              >
                <div class="cop-progress__bar" [style.width.%]="r.progress.percent"></div>
              </div>
              <p class="govuk-body" data-testid="run-progress">
                <strong>{{ r.progress.percent }}% complete</strong>: {{ rowsText(r.progress) }}
              </p>
            </div>
          }
          <div class="govuk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="run-announcement">
            {{ announcement() }}
          </div>

          @if (r.status === 'done') {
            <div class="govuk-panel govuk-panel--confirmation govuk-!-margin-bottom-6">
              <h2 class="govuk-panel__title">Your report is ready</h2>
              <div class="govuk-panel__body">{{ r.pages }} {{ r.pages === 1 ? 'page' : 'pages' }}</div>
            </div>
            <button
              type="button"
              class="govuk-button"
              [disabled]="downloading()"
              (click)="download(r)"
              data-testid="download-pdf"
            >
              Download PDF
            </button>
            @if (downloadError(); as message) {
              <p class="govuk-error-message" role="alert">
                <span class="govuk-visually-hidden">Error:</span> {{ message }}
              </p>
            }
          } @else if (r.status === 'failed') {
            <div class="govuk-error-summary" role="alert" tabindex="-1">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body">
                <p class="govuk-body govuk-!-margin-bottom-0">{{ messages.runFailed }} {{ r.error }}</p>
              </div>
            </div>
            <p class="govuk-body">
              <a class="govuk-link" [routerLink]="['/reports', r.reportId]">Run the report again</a>
            </p>
          } @else {
            <p class="govuk-body">You can leave this page. The report keeps going and will be in your recent runs.</p>
          }
          @if (pollError()) {
            <p class="govuk-body cop-secondary-text">{{ messages.pollFailed }}</p>
          }
          <p class="govuk-body-s cop-secondary-text">Requested {{ when(r.createdAt) }} by {{ r.generatedBy }}</p>
        </div>
      </div>
    } @else if (loadError(); as message) {
      <h1 class="govuk-heading-l">Sorry, there is a problem</h1>
      <p class="govuk-body">{{ message }}</p>
    } @else {
      <p class="govuk-body" role="status">Loading the report…</p>
    }
  `,
})
export class ReportRunPage {
  private readonly reports = inject(ReportsService);
  private readonly http = inject(HttpClient);
  private readonly pageTitle = inject(PageTitle);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  /** Route parameter: the run's id. */
  readonly runId = input.required<string>();

  readonly messages = REPORT_MESSAGES;
  readonly tags = RUN_STATUS_TAGS;
  readonly when = displayDateTime;
  readonly run = signal<ReportRun | null>(null);
  readonly notFound = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly pollError = signal(false);
  readonly downloading = signal(false);
  readonly downloadError = signal<string | null>(null);

  readonly parameters = computed(() => {
    const r = this.run();
    if (!r) return '';
    const definition = this.reports.reports()?.find((d) => d.id === r.reportId);
    return describeParameters(r.parameters, definition?.parameters);
  });

  /** Rows in words, for the template. */
  readonly rowsText = rowsText;

  /** What screen readers hear: the status, and progress in quarters. */
  readonly announcement = computed(() => {
    const r = this.run();
    if (!r) return '';
    if (r.status === 'done') return 'Your report is ready to download.';
    if (r.status === 'failed') return 'The report could not be produced.';
    if (r.status === 'queued') return 'The report is waiting to start.';
    return `The report is ${Math.floor(r.progress.percent / 25) * 25}% complete.`;
  });

  constructor() {
    effect(() => {
      const id = this.runId();
      untracked(() => {
        this.stop();
        void this.poll(id);
      });
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stop();
    });
    void this.reports.load().catch(() => undefined);
  }

  async download(r: ReportRun): Promise<void> {
    if (!r.pdf || this.downloading()) return;
    this.downloading.set(true);
    this.downloadError.set(null);
    try {
      await downloadFile(this.http, r.pdf, `${r.reportId}.pdf`);
    } catch (error: unknown) {
      this.downloadError.set(reportErrorMessage(toApiError(error), REPORT_MESSAGES.downloadFailed));
    } finally {
      this.downloading.set(false);
    }
  }

  private async poll(id: string): Promise<void> {
    try {
      const run = await firstValueFrom(this.reports.run(id));
      if (this.destroyed || id !== this.runId()) return;
      this.run.set(run);
      this.pollError.set(false);
      this.pageTitle.setPage(run.title);
      if (run.status === 'done' || run.status === 'failed') return;
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 404) {
        this.notFound.set(true);
        this.pageTitle.setPage('Report run not found');
        return;
      }
      if (!this.run()) this.loadError.set(reportErrorMessage(e, REPORT_MESSAGES.loadFailed));
      this.pollError.set(true);
    }
    if (!this.destroyed) this.timer = setTimeout(() => void this.poll(id), POLL_MS);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
