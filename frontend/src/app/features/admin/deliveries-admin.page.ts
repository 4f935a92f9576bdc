import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom, map } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { displayDateTime } from '../../core/cases/task-display';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { PageTitle } from '../../core/ui/page-title';
import { AdminNav } from './admin-nav';
import { DELIVERY_MESSAGES, deliveriesLoadErrorMessage, redriveErrorMessage } from './admin.messages';
import { OutboxEvent } from './deliveries.model';

/** Readable names of outbound topics. */
const TOPICS: Record<string, string> = { 'cerberus.outcome': 'Outcome to Cerberus' };

/** Dead-lettered deliveries to other systems (`GET /api/integrations/outbox?status=dead`), each with "Send again". */
@Component({
  selector: 'cop-deliveries-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, RouterLink, AdminNav],
  template: `
    <cop-error-summary [problems]="problems()" />
    @if (success(); as message) {
      <div
        class="govuk-notification-banner govuk-notification-banner--success"
        role="alert"
        aria-labelledby="redrive-done-title"
      >
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="redrive-done-title">Success</h2>
        </div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">{{ message }}</p>
        </div>
      </div>
    }
    <h1 class="govuk-heading-l">Failed deliveries</h1>
    <cop-admin-nav />
    <p class="govuk-body">
      Messages to other systems that failed after every retry. Send one again once the other system is working.
    </p>
    @if (rows(); as rows) {
      <div class="cop-table-scroll" tabindex="0" role="region" aria-labelledby="deliveries-caption">
        <table class="govuk-table" data-testid="failed-deliveries">
          <caption class="govuk-table__caption govuk-table__caption--m" id="deliveries-caption">
            Failed deliveries ({{
              rows.length
            }})
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Delivery</th>
              <th scope="col" class="govuk-table__header">Case</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Attempts</th>
              <th scope="col" class="govuk-table__header">Last error</th>
              <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            @for (row of rows; track row.id) {
              <tr class="govuk-table__row" [attr.data-event-id]="row.id">
                <th scope="row" class="govuk-table__header">
                  {{ topic(row.topic) }}
                  <span
                    class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 cop-secondary-text govuk-!-font-weight-regular"
                    >Number {{ row.id }}, created {{ when(row.createdAt) }}</span
                  >
                </th>
                <td class="govuk-table__cell">
                  @if (row.caseId) {
                    <a class="govuk-link" [routerLink]="['/cases', row.caseId]"
                      >Open the case<span class="govuk-visually-hidden"> of delivery {{ row.id }}</span></a
                    >
                  } @else {
                    –
                  }
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{{ row.attempts }}</td>
                <td class="govuk-table__cell">{{ row.lastError || 'No answer' }}</td>
                <td class="govuk-table__cell">
                  <button
                    type="button"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    [disabled]="busyId() !== null"
                    (click)="redrive(row)"
                  >
                    Send again<span class="govuk-visually-hidden"> delivery {{ row.id }}</span>
                  </button>
                </td>
              </tr>
            } @empty {
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" colspan="5" data-testid="no-failed-deliveries">{{ messages.none }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (!problems().length) {
      <p class="govuk-body" role="status">Loading failed deliveries…</p>
    }
  `,
})
export class DeliveriesAdminPage {
  private readonly http = inject(HttpClient);
  private readonly pageTitle = inject(PageTitle);

  readonly messages = DELIVERY_MESSAGES;
  readonly when = displayDateTime;
  readonly rows = signal<OutboxEvent[] | null>(null);
  readonly problems = signal<readonly FieldProblem[]>([]);
  readonly success = signal<string | null>(null);
  readonly busyId = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  topic(topic: string): string {
    return TOPICS[topic] ?? topic;
  }

  async load(): Promise<void> {
    try {
      const events = await firstValueFrom(
        this.http
          .get<{ events: OutboxEvent[] }>('/api/integrations/outbox', { params: { status: 'dead' } })
          .pipe(map((b) => b.events)),
      );
      this.rows.set(events);
    } catch (error: unknown) {
      this.fail(deliveriesLoadErrorMessage(toApiError(error)));
    }
  }

  async redrive(row: OutboxEvent): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(row.id);
    this.success.set(null);
    this.fail(null);
    try {
      await firstValueFrom(this.http.post(`/api/integrations/outbox/${encodeURIComponent(row.id)}/redrive`, {}));
      this.success.set(DELIVERY_MESSAGES.redriven(row.id));
    } catch (error: unknown) {
      this.fail(redriveErrorMessage(toApiError(error)));
    } finally {
      await this.load();
      this.busyId.set(null);
    }
  }

  private fail(message: string | null): void {
    this.problems.set(message ? [{ fieldId: '', message }] : []);
    this.pageTitle.setError(!!message);
  }
}
