import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { commonMessage, toApiError } from '../../core/api/api-error';
import { displayDateTime } from '../../core/cases/task-display';
import { PageTitle } from '../../core/ui/page-title';
import { DashboardCases, monthName } from './command-dashboard.model';

/** The cases a dashboard tile counts in its month, newest first, each linking to its case. */
@Component({
  selector: 'cop-dashboard-cases-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <a class="govuk-back-link" routerLink="/command-dashboard" [queryParams]="{ month: month() }"
      >Back to the dashboard</a
    >
    @if (error(); as message) {
      <h1 class="govuk-heading-l">Cases</h1>
      <p class="govuk-body">{{ message }}</p>
    } @else if (result(); as r) {
      <h1 class="govuk-heading-l">
        <span class="govuk-caption-l">{{ monthName(r.month) }}</span>
        {{ r.title }}
      </h1>
      @if (r.cases.length === 0) {
        <p class="govuk-body">No cases in this month.</p>
      } @else {
        <p class="govuk-body" data-testid="cases-count">
          {{
            r.more
              ? 'The newest ' + r.cases.length + ' cases.'
              : r.cases.length + (r.cases.length === 1 ? ' case.' : ' cases.')
          }}
        </p>
        <div class="cop-table-scroll">
          <table class="govuk-table" data-testid="dashboard-cases">
            <caption class="govuk-table__caption govuk-visually-hidden">
              {{
                r.title
              }},
              {{
                monthName(r.month)
              }}
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Reference</th>
                <th scope="col" class="govuk-table__header">When</th>
                <th scope="col" class="govuk-table__header">State</th>
                <th scope="col" class="govuk-table__header">Team</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              @for (c of r.cases; track c.caseId) {
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a class="govuk-link" [routerLink]="['/cases', c.caseId]">{{ c.reference }}</a>
                  </td>
                  <td class="govuk-table__cell">{{ c.at ? when(c.at) : '' }}</td>
                  <td class="govuk-table__cell">{{ c.state }}</td>
                  <td class="govuk-table__cell">{{ c.team }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else {
      <p class="govuk-body" role="status">Loading the cases…</p>
    }
  `,
})
export class DashboardCasesPage {
  private readonly http = inject(HttpClient);
  private readonly pageTitle = inject(PageTitle);

  /** Query parameters. */
  readonly tile = input<string>();
  readonly month = input<string>();
  readonly part = input<string>();

  readonly result = signal<DashboardCases | null>(null);
  readonly error = signal<string | null>(null);
  readonly monthName = monthName;
  readonly when = displayDateTime;

  constructor() {
    effect(() => {
      const params = new URLSearchParams();
      for (const [name, value] of [
        ['tile', this.tile()],
        ['month', this.month()],
        ['part', this.part()],
      ] as const)
        if (value) params.set(name, value);
      this.result.set(null);
      firstValueFrom(this.http.get<DashboardCases>(`/api/dashboard/cases?${params}`)).then(
        (result) => {
          this.result.set(result);
          this.pageTitle.setPage(`${result.title}, ${monthName(result.month)}`);
        },
        (error: unknown) => {
          const problem = toApiError(error);
          this.error.set(problem.errors[0]?.message ?? commonMessage(problem) ?? 'The cases could not be loaded');
        },
      );
    });
  }
}
