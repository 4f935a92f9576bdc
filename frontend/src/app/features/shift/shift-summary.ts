import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { SHIFT_MESSAGES, shiftErrorMessage } from './shift.messages';
import { ShiftService } from './shift.service';

/** The current shift as a GOV.UK summary list, with a button to end it. */
@Component({
  selector: 'cop-shift-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    @if (user()?.shift; as shift) {
      <h2 class="govuk-heading-m">Your shift</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border cop-shift-list govuk-!-margin-bottom-4">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Team</dt>
          <dd class="govuk-summary-list__value">{{ shift.teamName }}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Location</dt>
          <dd class="govuk-summary-list__value">{{ shift.locationLabel }}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Started</dt>
          <dd class="govuk-summary-list__value">
            {{ shift.startedAt | date: 'd MMMM y' }} at {{ (shift.startedAt | date: 'h:mma')?.toLowerCase() }}
          </dd>
        </div>
      </dl>
      @if (error(); as message) {
        <p class="govuk-error-message" role="alert"><span class="govuk-visually-hidden">Error:</span> {{ message }}</p>
      }
      <button type="button" class="govuk-button govuk-button--secondary" [disabled]="ending()" (click)="end()">
        End shift
      </button>
    }
  `,
})
export class ShiftSummary {
  private readonly shifts = inject(ShiftService);
  private readonly router = inject(Router);

  /** The signed-in user. */
  readonly user = inject(AuthService).user;
  /** Whether the end request is in flight. */
  readonly ending = signal(false);
  /** Why ending failed, if it did. */
  readonly error = signal<string | null>(null);

  /** Ends the shift and returns to the start shift page. */
  async end(): Promise<void> {
    this.ending.set(true);
    this.error.set(null);
    try {
      await this.shifts.end();
      await this.router.navigateByUrl('/shift/start');
    } catch (error: unknown) {
      this.error.set(shiftErrorMessage(toApiError(error), SHIFT_MESSAGES.endFailed));
    } finally {
      this.ending.set(false);
    }
  }
}
