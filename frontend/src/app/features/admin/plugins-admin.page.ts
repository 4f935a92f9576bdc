import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { PluginStatus } from '../../core/plugins/plugin.model';
import { PluginsService } from '../../core/plugins/plugins.service';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { PageTitle } from '../../core/ui/page-title';
import { AdminNav } from './admin-nav';
import { ADMIN_MESSAGES, STATE_TAGS, adminChangeErrorMessage, adminLoadErrorMessage } from './admin.messages';

/** Every plugin the host knows, with its state, and buttons to enable or disable it. */
@Component({
  selector: 'cop-plugins-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, AdminNav],
  templateUrl: './plugins-admin.page.html',
})
export class PluginsAdminPage {
  private readonly plugins = inject(PluginsService);
  private readonly pageTitle = inject(PageTitle);

  /** Messages for the template. */
  readonly messages = ADMIN_MESSAGES;
  /** Tag wording and colour per state. */
  readonly tags = STATE_TAGS;
  /** The status rows; null while loading. */
  readonly rows = signal<PluginStatus[] | null>(null);
  /** Problems to show in the error summary. */
  readonly problems = signal<readonly FieldProblem[]>([]);
  /** Confirmation of the last change. */
  readonly success = signal<string | null>(null);
  /** Id of the plugin being changed, if any. */
  readonly busyId = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  /** Reloads the table from the server. */
  async load(): Promise<void> {
    try {
      this.rows.set(await firstValueFrom(this.plugins.status()));
    } catch (error: unknown) {
      this.fail(adminLoadErrorMessage(toApiError(error)));
    }
  }

  /** Enables or disables a plugin, then refreshes the whole table (other rows may change too). */
  async setEnabled(row: PluginStatus, enabled: boolean): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(row.id);
    this.success.set(null);
    this.fail(null);
    try {
      const updated = await firstValueFrom(this.plugins.setEnabled(row.id, enabled));
      // A plugin whose manifest could not be read has no title: name it by its id.
      const title = updated.title || row.title || row.id;
      this.success.set(updated.state === 'enabled' ? ADMIN_MESSAGES.enabled(title) : ADMIN_MESSAGES.disabled(title));
    } catch (error: unknown) {
      this.fail(adminChangeErrorMessage(toApiError(error)));
    } finally {
      await this.load();
      this.busyId.set(null);
    }
  }

  private fail(message: string | null): void {
    this.problems.set(message ? [{ fieldId: '', message }] : []);
    this.pageTitle.setError(!!message);
  }
}
