import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { displayDateTime } from '../../core/cases/task-display';
import { AppNotification } from '../../core/notifications/notification.model';
import { markRead } from '../../core/notifications/notification-actions';
import { NotificationService } from '../../core/notifications/notification.service';
import { NOTIFICATION_MESSAGES } from './notifications.messages';

/** The inbox: newest first, unread ones marked, each linked to its case, with "Mark as read". */
@Component({
  selector: 'cop-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  styles: `
    .cop-inbox__item {
      margin: 0;
      padding: 15px 0 15px 15px;
      border-bottom: 1px solid var(--govuk-border-colour);
      border-left: 5px solid transparent;
    }
    .cop-inbox__item--unread {
      border-left-color: var(--govuk-brand-colour);
    }
  `,
  template: `
    <h1 class="govuk-heading-l">Notifications</h1>
    @if (loadError()) {
      <div class="govuk-notification-banner" role="region" aria-labelledby="inbox-error-title">
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="inbox-error-title">Important</h2>
        </div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">{{ messages.loadFailed }}</p>
        </div>
      </div>
    }
    @if (loaded()) {
      <p class="govuk-body" role="status" data-testid="unread-count">{{ messages.unread(unread()) }}</p>
      @if (items().length) {
        <ul class="govuk-list cop-inbox" data-testid="inbox">
          @for (n of items(); track n.id) {
            <li class="cop-inbox__item" [class.cop-inbox__item--unread]="!n.readAt" [attr.data-notification-id]="n.id">
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                @if (!n.readAt) {
                  <strong class="govuk-tag govuk-tag--blue govuk-!-margin-right-1">Unread</strong>
                }
                @if (n.urgent) {
                  <strong class="govuk-tag govuk-tag--red govuk-!-margin-right-1">Urgent</strong>
                }
                {{ n.title }}
              </h2>
              @if (n.body) {
                <p class="govuk-body govuk-!-margin-bottom-1 cop-pre-line">{{ n.body }}</p>
              }
              <p class="govuk-body-s cop-secondary-text govuk-!-margin-bottom-2">{{ when(n.createdAt) }}</p>
              <div class="govuk-button-group govuk-!-margin-bottom-0">
                @if (n.caseId) {
                  <a class="govuk-link" [routerLink]="['/cases', n.caseId]" (click)="open(n)"
                    >Open the case<span class="govuk-visually-hidden">: {{ n.title }}</span></a
                  >
                }
                @if (!n.readAt) {
                  <button
                    type="button"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    (click)="markRead(n)"
                  >
                    Mark as read<span class="govuk-visually-hidden">: {{ n.title }}</span>
                  </button>
                }
              </div>
            </li>
          }
        </ul>
      } @else {
        <p class="govuk-body">{{ messages.none }}</p>
      }
    } @else if (!loadError()) {
      <p class="govuk-body" role="status">Loading your notifications…</p>
    }
  `,
})
export class NotificationsPage {
  private readonly notifications = inject(NotificationService);

  readonly messages = NOTIFICATION_MESSAGES;
  readonly when = displayDateTime;
  readonly items = this.notifications.items;
  readonly unread = this.notifications.unread;
  readonly loaded = signal(false);
  readonly loadError = signal(false);

  constructor() {
    void this.notifications.refresh().then((ok) => {
      this.loaded.set(ok || this.items().length > 0);
      this.loadError.set(!ok);
    });
  }

  open(n: AppNotification): void {
    void markRead(this.notifications, n.id);
  }

  markRead(n: AppNotification): void {
    void markRead(this.notifications, n.id);
  }
}
