import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { ADMIN_ROLES, PLUGIN_ADMIN_ROLES, hasAnyRole } from '../../core/auth/user.model';

/** Links between the admin pages the user may open, as tabs (each tab is its own URL). */
@Component({
  selector: 'cop-admin-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    @if (links().length > 1) {
      <nav aria-label="Administration">
        <ul class="cop-tabs">
          @for (l of links(); track l.path) {
            <li class="cop-tabs__item" routerLinkActive="cop-tabs__item--selected">
              <a class="govuk-link govuk-link--no-visited-state" [routerLink]="l.path" ariaCurrentWhenActive="page">{{
                l.label
              }}</a>
            </li>
          }
        </ul>
      </nav>
    }
  `,
})
export class AdminNav {
  private readonly user = inject(AuthService).user;

  readonly links = computed(() => [
    ...(hasAnyRole(this.user(), PLUGIN_ADMIN_ROLES) ? [{ path: '/admin/plugins', label: 'Plugins' }] : []),
    ...(hasAnyRole(this.user(), ADMIN_ROLES)
      ? [
          { path: '/admin/deliveries', label: 'Failed deliveries' },
          { path: '/admin/reference', label: 'Reference data' },
        ]
      : []),
  ]);
}
