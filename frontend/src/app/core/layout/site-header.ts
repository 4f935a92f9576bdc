import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { PLUGIN_ADMIN_ROLES, hasAnyRole } from '../auth/user.model';
import { SERVICE_NAME } from '../ui/page-title';

/** Organisation header, then GOV.UK service navigation with the service name and the user's links. */
@Component({
  selector: 'cop-site-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './site-header.html',
})
export class SiteHeader {
  private readonly auth = inject(AuthService);

  /** The service name shown in the navigation bar. */
  readonly serviceName = SERVICE_NAME;

  /** The signed-in user, or null. */
  readonly user = this.auth.user;

  /** Whether the user may manage plugins. */
  readonly canManagePlugins = computed(() => hasAnyRole(this.user(), PLUGIN_ADMIN_ROLES));
}
