import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { CasesService } from './cases.service';
import { DraftStore, LocalDraft } from './draft-store';

/** What happened when a draft was saved. */
export type DraftSaveOutcome = 'saved' | 'on-device' | { errors: { path: string; message: string }[]; message: string | null; status: number };

/**
 * Sends drafts to the core, and keeps those saved while offline on this device until the
 * browser says it is back online (the `online` event), then sends them.
 */
@Injectable({ providedIn: 'root' })
export class DraftSync {
  private readonly store = inject(DraftStore);
  private readonly cases = inject(CasesService);
  private readonly auth = inject(AuthService);
  /** Ids of drafts sent after the connection came back (for a confirmation). */
  readonly synced = signal<string[]>([]);

  constructor() {
    const onOnline = (): void => void this.flush();
    window.addEventListener('online', onOnline);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('online', onOnline));
    if (navigator.onLine) void this.flush();
  }

  /**
   * Saves a draft on the server. Offline (or unreachable) it stays on this device marked for
   * sending; a refusal (400) is returned for the page to show.
   */
  async save(draft: LocalDraft, answers: Record<string, unknown>): Promise<DraftSaveOutcome> {
    await this.store.put({ ...draft, pendingSync: true, pendingAnswers: answers });
    if (!navigator.onLine) return 'on-device';
    try {
      await firstValueFrom(this.cases.saveDraft(draft.pluginId, draft.id, draft.formId, answers));
      await this.markSent(draft.id);
      return 'saved';
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 0) return 'on-device';
      if (e.status !== 401) await this.markSent(draft.id);
      return { errors: e.errors, message: e.message, status: e.status };
    }
  }

  /** Sends every draft of the signed-in user still waiting on this device. */
  async flush(): Promise<void> {
    const user = this.auth.user();
    if (!user || !navigator.onLine) return;
    for (const draft of await this.store.list(user.id)) {
      if (!draft.pendingSync) continue;
      try {
        await firstValueFrom(this.cases.saveDraft(draft.pluginId, draft.id, draft.formId, draft.pendingAnswers ?? draft.answers));
        await this.markSent(draft.id);
        this.synced.update((ids) => [...ids, draft.id]);
      } catch (error: unknown) {
        if (toApiError(error).status === 0) return; // still offline: try again at the next online event
        await this.markSent(draft.id); // refused: keep it on the device, stop retrying
      }
    }
  }

  private async markSent(id: string): Promise<void> {
    const current = await this.store.get(id);
    if (current) await this.store.put({ ...current, pendingSync: false });
  }
}
