import { ChangeDetectionStrategy, Component } from '@angular/core';

/** GOV.UK footer without the GOV.UK crown: this is an internal Home Office service. */
@Component({
  selector: 'cop-site-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 class="govuk-visually-hidden">Support links</h2>
            <p class="govuk-body-s govuk-!-margin-bottom-0">
              Central Operations Platform, Border Force. Official-sensitive: handle in line with your training.
            </p>
          </div>
          <div class="govuk-footer__meta-item">&copy; Crown copyright</div>
        </div>
      </div>
    </footer>
  `,
})
export class SiteFooter {}
