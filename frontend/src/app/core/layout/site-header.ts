import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, signal } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PLUGIN_ADMIN_ROLES, REPORT_ROLES, TEAM_COVER_ROLES, hasAnyRole } from '../auth/user.model';
import { NotificationService } from '../notifications/notification.service';
import type { ReportsService } from '../reports/reports.service';
import { Breakpoint } from '../ui/breakpoint';
import { SERVICE_NAME } from '../ui/page-title';

/**
 * Organisation header, then GOV.UK service navigation with the service name and the user's links.
 * Below the tablet breakpoint the links collapse behind a "Menu" toggle, with the markup and aria
 * of GOV.UK Frontend's service navigation script (done here in Angular, so no script of its own).
 */
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

  /** Whether the screen is a phone's: the links are behind the Menu toggle. */
  readonly narrow = inject(Breakpoint).narrow;

  /** Whether the Menu toggle has opened the links (narrow screens only). */
  readonly menuOpen = signal(false);

  /** Unread notifications, live. */
  readonly unread = inject(NotificationService).unread;

  /** The reports API client, loaded (outside the initial bundle) once someone who may read reports is signed in. */
  private readonly reports = signal<ReportsService | null>(null);

  /** Whether the user may run any report: the API decides, so officers see no link. */
  readonly canRunReports = computed(() => hasAnyRole(this.user(), REPORT_ROLES) && !!this.reports()?.canRunReports());

  /** Whether the user may give people cover of a team (managers and admins). */
  readonly canCoverTeams = computed(() => hasAnyRole(this.user(), TEAM_COVER_ROLES));

  /** Whether the user may manage plugins. */
  readonly canManagePlugins = computed(() => hasAnyRole(this.user(), PLUGIN_ADMIN_ROLES));

  constructor() {
    // Following a link closes the menu, as loading a new page would.
    const navigations = inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => this.menuOpen.set(false));
    inject(DestroyRef).onDestroy(() => navigations.unsubscribe());
    const injector = inject(Injector);
    void import('../reports/reports.service').then((m) => this.reports.set(injector.get(m.ReportsService)));
  }
}
