import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { commonMessage, toApiError } from '../../core/api/api-error';
import { downloadFile } from '../../core/api/download';
import { BarChart } from './bar-chart';
import {
  DashboardTile,
  DashboardView,
  formatFigure,
  formatShare,
  monthName,
  shiftMonth,
  splitLink,
} from './command-dashboard.model';

/**
 * The managers' dashboard: their command's figures for a month (admins: every command's) against
 * last month and the same month last year, a tile per figure the reports declare, each linking to
 * the cases behind it and the full report, with its chart and the chart's table. The tiles come
 * from the API, so a plugin's new tile needs no change here.
 */
@Component({
  selector: 'cop-command-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, BarChart],
  styles: `
    .cop-tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
      gap: 20px;
      margin-bottom: 30px;
    }
    .cop-tile {
      padding: 15px;
      border: 1px solid #b1b4b6;
      border-top: 5px solid #1d70b8;
      min-width: 0;
    }
    .cop-tile__figure {
      margin: 0 0 15px;
    }
    .cop-inline-list li {
      display: inline-block;
      margin-right: 20px;
    }
    .cop-tile__value {
      display: block;
      font-size: 2.25rem;
      font-weight: 700;
      line-height: 1.1;
    }
  `,
  templateUrl: './command-dashboard.page.html',
})
export class CommandDashboardPage {
  private readonly http = inject(HttpClient);

  /** Query parameter: the month shown (yyyy-mm); this month by default. */
  readonly month = input<string>();

  readonly view = signal<DashboardView | null>(null);
  readonly error = signal<string | null>(null);
  readonly downloading = signal<string | null>(null);
  readonly downloadError = signal<string | null>(null);

  readonly monthName = monthName;
  readonly figure = formatFigure;
  readonly share = formatShare;
  readonly link = splitLink;
  readonly previous = computed(() => (this.view() ? shiftMonth(this.view()!.month, -1) : null));
  readonly next = computed(() => (this.view() ? shiftMonth(this.view()!.month, 1) : null));

  constructor() {
    effect(() => {
      const month = this.month();
      this.view.set(null);
      this.error.set(null);
      const query = month ? `?month=${encodeURIComponent(month)}` : '';
      firstValueFrom(this.http.get<DashboardView>(`/api/dashboard${query}`)).then(
        (view) => this.view.set(view),
        (error: unknown) => {
          const problem = toApiError(error);
          this.error.set(problem.errors[0]?.message ?? commonMessage(problem) ?? 'The dashboard could not be loaded');
        },
      );
    });
  }

  /** Whether the month after the one shown has started (no link into the future). */
  hasNext(): boolean {
    const next = this.next();
    return next !== null && next <= new Date().toISOString().slice(0, 7);
  }

  async download(tile: DashboardTile, format: 'csv' | 'xlsx'): Promise<void> {
    const url = tile.links[format];
    if (!url) return;
    this.downloading.set(`${tile.id}.${format}`);
    this.downloadError.set(null);
    try {
      await downloadFile(this.http, url, `${tile.id}.${format}`);
    } catch (error: unknown) {
      this.downloadError.set(commonMessage(toApiError(error)) ?? 'The file could not be downloaded. Try again.');
    } finally {
      this.downloading.set(null);
    }
  }
}
