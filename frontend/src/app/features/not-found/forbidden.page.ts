import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Shown when a signed-in user opens a page their roles do not allow. */
@Component({
  selector: 'cop-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">You do not have permission to view this page</h1>
        <p class="govuk-body">Ask your line manager if you need access.</p>
        <p class="govuk-body"><a routerLink="/" class="govuk-link">Go to your forms</a></p>
      </div>
    </div>
  `,
})
export class ForbiddenPage {}
