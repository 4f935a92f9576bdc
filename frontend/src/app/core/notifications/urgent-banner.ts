import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AppNotification } from './notification.model';
import { dismiss, markRead } from './notification-actions';
import { NotificationService } from './notification.service';

/**
 * The GOV.UK "important" notification banner at the top of every page while the officer has
 * unread urgent notifications (a Cerberus target for their team). It is announced when it
 * appears (`role="alert"`), links to the case, and can be dismissed.
 */
@Component({
  selector: 'cop-urgent-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (shown(); as list) {
      <div
        class="govuk-notification-banner"
        role="alert"
        aria-labelledby="urgent-banner-title"
        data-testid="urgent-banner"
      >
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="urgent-banner-title">Important</h2>
        </div>
        <div class="govuk-notification-banner__content">
          @if (list.length === 1) {
            <p class="govuk-notification-banner__heading">{{ list[0].title }}</p>
            @if (list[0].body) {
              <p class="govuk-body">{{ list[0].body }}</p>
            }
            @if (list[0].caseId) {
              <p class="govuk-body">
                <a
                  class="govuk-notification-banner__link"
                  [routerLink]="['/cases', list[0].caseId]"
                  (click)="open(list[0])"
                  >Open the case<span class="govuk-visually-hidden">: {{ list[0].title }}</span></a
                >
              </p>
            }
          } @else {
            <p class="govuk-notification-banner__heading">You have {{ total() }} urgent notifications</p>
            <ul class="govuk-list govuk-list--bullet">
              @for (n of list; track n.id) {
                <li>
                  @if (n.caseId) {
                    <a class="govuk-notification-banner__link" [routerLink]="['/cases', n.caseId]" (click)="open(n)">{{
                      n.title
                    }}</a>
                  } @else {
                    {{ n.title }}
                  }
                </li>
              }
            </ul>
          }
          <div class="govuk-button-group govuk-!-margin-bottom-0">
            <button
              type="button"
              class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              (click)="dismiss(list)"
            >
              Dismiss<span class="govuk-visually-hidden">
                {{ list.length === 1 ? 'this notification' : 'these notifications' }}</span
              >
            </button>
            <a class="govuk-link" routerLink="/notifications">All notifications</a>
          </div>
        </div>
      </div>
    }
  `,
})
export class UrgentBanner {
  private readonly notifications = inject(NotificationService);

  /** How many urgent notifications there are in all. */
  readonly total = computed(() => this.notifications.urgent().length);

  /** What the banner lists (at most five; the inbox has the rest), or null to show nothing. */
  readonly shown = computed(() => {
    const list = this.notifications.urgent();
    return list.length ? list.slice(0, 5) : null;
  });

  /** Opening the case counts as reading the notification. */
  open(n: AppNotification): void {
    void markRead(this.notifications, n.id);
  }

  dismiss(list: readonly AppNotification[]): void {
    dismiss(
      this.notifications,
      list.map((n) => n.id),
    );
    // The button is gone: keep keyboard users in the page rather than at its top.
    document.getElementById('main-content')?.focus();
  }
}
