import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { PluginSummary } from '../../core/plugins/plugin.model';
import { PluginsService } from '../../core/plugins/plugins.service';
import { Breakpoint } from '../../core/ui/breakpoint';
import { eventValue } from '../../core/ui/event-value';
import { ShiftSummary } from '../shift/shift-summary';
import { YourWork } from './your-work';
import { DASHBOARD_MESSAGES, dashboardErrorMessage } from './dashboard.messages';
import { startableForms } from './startable-forms';

/** The forms this user may start, grouped by category and searchable by title. */
@Component({
  selector: 'cop-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ShiftSummary, YourWork],
  templateUrl: './dashboard.page.html',
})
export class DashboardPage {
  /** The signed-in user. */
  readonly user = inject(AuthService).user;
  /** Whether the screen is a phone's: the officer's shift, tasks and drafts come before the forms. */
  readonly narrow = inject(Breakpoint).narrow;
  /** Messages for the template. */
  readonly messages = DASHBOARD_MESSAGES;
  /** Every plugin the API returned; null while loading. */
  readonly plugins = signal<PluginSummary[] | null>(null);
  /** Message when loading failed, else null. */
  readonly loadError = signal<string | null>(null);
  /** The search text. */
  readonly search = signal('');

  /** Startable forms matching the search, grouped by category. */
  readonly groups = computed(() => startableForms(this.plugins() ?? [], this.search()));
  /** Whether the user can start any form at all, search aside. */
  readonly hasAnyForm = computed(() => (this.plugins() ?? []).some((plugin) => plugin.canStart));
  /** Number of forms currently listed. */
  readonly shownCount = computed(() => this.groups().reduce((sum, group) => sum + group.plugins.length, 0));

  constructor() {
    inject(PluginsService)
      .list()
      .subscribe({
        next: (plugins) => this.plugins.set(plugins),
        error: (error: unknown) => this.loadError.set(dashboardErrorMessage(toApiError(error))),
      });
  }

  /** Updates the search text as the user types. */
  filter(event: Event): void {
    this.search.set(eventValue(event));
  }

  /** Search is instant, so submitting the form only keeps the page where it is. */
  keep(event: Event): void {
    event.preventDefault();
  }
}
