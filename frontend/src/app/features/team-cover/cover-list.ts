import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { displayDateTime } from '../../core/cases/task-display';
import { TeamCoverView } from './team-cover.service';

/**
 * Current and future covers, one GOV.UK summary card each (readable on a phone), with an
 * "End cover" button that names the person and team for screen readers.
 */
@Component({
  selector: 'cop-cover-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (cover of covers(); track cover.id) {
      <div class="govuk-summary-card" [attr.data-cover-id]="cover.id" data-testid="cover">
        <div class="govuk-summary-card__title-wrapper">
          <h3 class="govuk-summary-card__title">{{ cover.displayName }} ({{ cover.username }})</h3>
        </div>
        <div class="govuk-summary-card__content">
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Team</dt>
              <dd class="govuk-summary-list__value">{{ cover.teamName }}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">From</dt>
              <dd class="govuk-summary-list__value">
                {{ when(cover.validFrom) }}
                @if (notStarted(cover)) {
                  <strong class="govuk-tag govuk-tag--grey govuk-!-margin-left-1">Not started</strong>
                }
              </dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Until</dt>
              <dd class="govuk-summary-list__value">{{ when(cover.validTo) }}</dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">Reason</dt>
              <dd class="govuk-summary-list__value cop-pre-line">{{ cover.reason }}</dd>
            </div>
          </dl>
          <button
            type="button"
            class="govuk-button govuk-button--secondary govuk-!-margin-top-4 govuk-!-margin-bottom-0"
            [disabled]="busy()"
            (click)="end.emit(cover)"
          >
            End cover<span class="govuk-visually-hidden"> for {{ cover.displayName }} on {{ cover.teamName }}</span>
          </button>
        </div>
      </div>
    }
  `,
})
export class CoverList {
  /** The covers to list (kind `cover`). */
  readonly covers = input.required<readonly TeamCoverView[]>();
  /** Whether a change is in flight (the buttons wait). */
  readonly busy = input(false);
  /** Emitted when the manager ends a cover. */
  readonly end = output<TeamCoverView>();

  /** "12 April 2026, 2:30pm", UK time. */
  readonly when = displayDateTime;

  /** Whether the cover starts later. */
  notStarted(cover: TeamCoverView): boolean {
    return new Date(cover.validFrom).getTime() > Date.now();
  }
}
