import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, input, viewChild } from '@angular/core';

/**
 * The GOV.UK success notification banner. It takes focus whenever a new message arrives, so
 * screen reader users hear what happened and keyboard users carry on from there.
 */
@Component({
  selector: 'cop-success-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as message) {
      <div
        class="govuk-notification-banner govuk-notification-banner--success"
        role="alert"
        tabindex="-1"
        [attr.aria-labelledby]="titleId()"
        [attr.data-testid]="testId()"
        #box
      >
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" [id]="titleId()">Success</h2>
        </div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">{{ message }}</p>
        </div>
      </div>
    }
  `,
})
export class SuccessBanner {
  /** What happened; null hides the banner. A new message moves focus to it again. */
  readonly message = input.required<string | null>();
  /** Id of the banner's title (unique on the page). */
  readonly titleId = input('success-title');
  /** `data-testid` of the banner, for tests. */
  readonly testId = input<string | null>(null);

  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  constructor() {
    afterRenderEffect(() => {
      if (this.message()) this.box()?.nativeElement.focus();
    });
  }
}
