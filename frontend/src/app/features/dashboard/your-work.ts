import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { DraftRecord } from '../../core/cases/cases.model';
import { CasesService } from '../../core/cases/cases.service';
import { DraftStore } from '../../core/cases/draft-store';
import { DraftSync } from '../../core/cases/draft-sync';
import { displayDateTime } from '../../core/cases/task-display';
import { NotificationService } from '../../core/notifications/notification.service';
import { PluginSummary } from '../../core/plugins/plugin.model';

/** How many tasks are counted before showing "200+". */
const COUNT_LIMIT = 200;

/** One draft to resume, from the server or only on this device. */
interface DraftLink {
  id: string;
  pluginId: string;
  title: string;
  updatedAt: string;
  /** Only on this device, or changed here and waiting to be sent. */
  onDevice: boolean;
  /** The officer asked to save it and it has not reached the server yet. */
  waiting?: boolean;
}

/** The dashboard's "your work": task counts and drafts to resume. */
@Component({
  selector: 'cop-your-work',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h2 class="govuk-heading-m">Your tasks</h2>
    <ul class="govuk-list" data-testid="task-counts">
      <li>
        <a class="govuk-link" routerLink="/tasks">My tasks</a>: <strong>{{ mine() ?? '…' }}</strong>
      </li>
      <li>
        <a class="govuk-link" routerLink="/tasks" [queryParams]="{ tab: 'team' }">My team's tasks</a>:
        <strong>{{ team() ?? '…' }}</strong>
      </li>
    </ul>
    <h2 class="govuk-heading-m">Notifications</h2>
    <p class="govuk-body" data-testid="dashboard-unread">
      <a class="govuk-link" routerLink="/notifications">Unread notifications</a>: <strong>{{ unread() }}</strong>
    </p>
    <h2 class="govuk-heading-m">Your drafts</h2>
    @if (drafts(); as list) {
      @if (list.length) {
        <ul class="govuk-list" data-testid="drafts">
          @for (d of list; track d.id) {
            <li class="govuk-!-margin-bottom-3" [attr.data-draft-id]="d.id">
              <a class="govuk-link" [routerLink]="['/forms', d.pluginId]" [queryParams]="{ draft: d.id }">{{
                d.title
              }}</a><br />
              <span class="govuk-body-s cop-secondary-text" [attr.data-draft-state]="d.onDevice ? 'on-device' : 'saved'"
                >{{ d.onDevice ? 'Saved on this device' : 'Saved' }} {{ when(d.updatedAt)
                }}{{ d.waiting ? ', not sent yet' : '' }}</span
              ><br />
              <button
                type="button"
                class="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
                [disabled]="deleting() === d.id"
                (click)="remove(d)"
              >
                Delete<span class="govuk-visually-hidden"> the {{ d.title }} draft saved {{ when(d.updatedAt) }}</span>
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="govuk-body">You have no drafts.</p>
      }
    } @else {
      <p class="govuk-body" role="status">Loading your drafts…</p>
    }
    <p class="govuk-body" role="status" data-testid="draft-deleted">{{ deletedMessage() }}</p>
  `,
})
export class YourWork {
  private readonly cases = inject(CasesService);
  private readonly store = inject(DraftStore);
  private readonly auth = inject(AuthService);
  private readonly sync = inject(DraftSync);

  readonly when = displayDateTime;
  /** Unread notifications, live. */
  readonly unread = inject(NotificationService).unread;
  readonly mine = signal<string | null>(null);
  readonly team = signal<string | null>(null);
  readonly serverDrafts = signal<DraftRecord[] | null>(null);
  readonly localDrafts = signal<DraftLink[]>([]);
  /** The draft being deleted, and what happened to the last one. */
  readonly deleting = signal<string | null>(null);
  readonly deletedMessage = signal('');
  /** The plugins the dashboard loaded (for draft titles). */
  readonly plugins = input<PluginSummary[]>([]);

  readonly drafts = computed<DraftLink[] | null>(() => {
    const server = this.serverDrafts();
    if (!server) return null;
    const title = (id: string) => this.plugins().find((p) => p.id === id)?.title ?? id;
    const sent = new Set(this.sync.synced()); // sent since the list was read
    const localDrafts = this.localDrafts().map((d) => (d.waiting && sent.has(d.id) ? { ...d, waiting: false } : d));
    const local = new Map(localDrafts.map((d) => [d.id, d]));
    const ids = new Set(server.map((d) => d.id));
    const list: DraftLink[] = [
      ...server.map((d) => {
        const here = local.get(d.id);
        // Saved on the server, but waiting to send newer answers from this device.
        if (here?.waiting) return { ...here, title: title(d.pluginId) };
        return { id: d.id, pluginId: d.pluginId, title: title(d.pluginId), updatedAt: d.updatedAt, onDevice: false };
      }),
      ...localDrafts.filter((d) => !ids.has(d.id)).map((d) => ({ ...d, title: title(d.pluginId) })),
    ];
    return list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  });

  constructor() {
    void this.sync.flush(); // sends drafts saved offline (also when back online, visible again, and on a timer)
    void this.count('mine', this.mine);
    void this.count('team', this.team);
    firstValueFrom(this.cases.drafts()).then(
      (drafts) => this.serverDrafts.set(drafts),
      () => this.serverDrafts.set([]),
    );
    const user = this.auth.user();
    if (user) {
      // Every form kept on this device (the renderer keeps each one as the officer goes), so
      // the officer can get back to it even if it never reached the server.
      void this.store.list(user.id).then((local) =>
        this.localDrafts.set(
          local.map((d) => ({
            id: d.id,
            pluginId: d.pluginId,
            title: d.pluginId,
            updatedAt: d.updatedAt,
            onDevice: true,
            waiting: d.pendingSync,
          })),
        ),
      );
    }
  }

  /** Deletes a draft from this device and from the server (a draft never sent is only here). */
  async remove(d: DraftLink): Promise<void> {
    this.deleting.set(d.id);
    try {
      await this.store.delete(d.id);
      await firstValueFrom(this.cases.deleteDraft(d.pluginId, d.id)).catch((error: unknown) => {
        // Not on the server (only ever kept here) is fine; anything else is reported.
        if ((error as { status?: number }).status !== 404) throw error;
      });
      this.localDrafts.update((list) => list.filter((x) => x.id !== d.id));
      this.serverDrafts.update((list) => list?.filter((x) => x.id !== d.id) ?? list);
      this.deletedMessage.set(`The ${d.title} draft has been deleted.`);
    } catch {
      this.deletedMessage.set(
        `The ${d.title} draft could not be deleted from the server. Try again when you are back online.`,
      );
    } finally {
      this.deleting.set(null);
    }
  }

  private async count(scope: 'mine' | 'team', target: ReturnType<typeof signal<string | null>>): Promise<void> {
    try {
      const page = await firstValueFrom(this.cases.tasks({ scope, limit: COUNT_LIMIT }));
      target.set(page.nextCursor ? `${COUNT_LIMIT}+` : String(page.tasks.length));
    } catch {
      target.set('not available');
    }
  }
}
