import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { PluginsService } from '../plugins/plugins.service';
import { ReferenceService } from '../reference/reference.service';
import { CasesService } from './cases.service';
import { DraftStore, LocalDraft } from './draft-store';

/** What happened when a draft was saved. */
export type DraftSaveOutcome =
  'saved' | 'on-device' | { errors: { path: string; message: string }[]; message: string | null; status: number };

/** First wait before trying again to send drafts the server could not take, then doubled up to the maximum. */
export const DRAFT_RETRY_FIRST_MS = 15_000;
export const DRAFT_RETRY_MAX_MS = 60_000;

/** The answers could not be worked out (the plugin list or reference data did not load). */
class NotReady extends Error {}

/**
 * Sends drafts to the core, and keeps those saved while offline or while the server cannot be
 * reached on this device, then sends them: on the `online` event, when the page becomes visible
 * or gets focus again, and on a timer (15 s, doubling to 60 s) while any is waiting — the browser
 * may say it is online with a signal too weak to reach the server.
 */
@Injectable({ providedIn: 'root' })
export class DraftSync {
  private readonly store = inject(DraftStore);
  private readonly cases = inject(CasesService);
  private readonly auth = inject(AuthService);
  private readonly plugins = inject(PluginsService);
  private readonly reference = inject(ReferenceService);
  /** Ids of drafts sent after the connection came back (for a confirmation). */
  readonly synced = signal<string[]>([]);
  private flushing: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = DRAFT_RETRY_FIRST_MS;
  /** Whether drafts were left waiting the last time we looked. */
  private waiting = false;

  constructor() {
    const onOnline = (): void => void this.flush();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void this.flush();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('focus', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('focus', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(this.retryTimer);
    });
    void this.flush();
  }

  /**
   * Saves a draft on the server. Offline (or unreachable) it stays on this device marked for
   * sending; a refusal (400) is returned for the page to show.
   */
  async save(draft: LocalDraft, answers: Record<string, unknown>): Promise<DraftSaveOutcome> {
    await this.store.put({ ...draft, pendingSync: true, pendingAnswers: answers, pendingStale: false });
    if (!navigator.onLine) {
      this.retryLater();
      return 'on-device';
    }
    try {
      await firstValueFrom(
        this.cases.saveDraft(draft.pluginId, draft.id, draft.formId, answers, draft.page, draft.completedTasks),
      );
      await this.markSent(draft.id);
      return 'saved';
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 0) {
        this.retryLater();
        return 'on-device';
      }
      if (e.status === 401)
        this.retryLater(); // the session ended: sent once the officer signs in again
      else await this.markSent(draft.id);
      return { errors: e.errors, message: e.message, status: e.status };
    }
  }

  /**
   * Removes every copy of a draft once its form is sent: a send of it already on its way is let
   * finish first (it could otherwise put the draft back on the server after the submission took
   * it away), then the copy on this device goes, then any copy on the server (none is fine).
   */
  async discard(pluginId: string, id: string): Promise<void> {
    await this.flushing?.catch(() => undefined);
    await this.store.delete(id);
    this.synced.update((ids) => ids.filter((x) => x !== id));
    try {
      await firstValueFrom(this.cases.deleteDraft(pluginId, id));
    } catch {
      // Already gone with the submission (404), or unreachable: the submission removed it on the server.
    }
  }

  /** Sends every draft of the signed-in user still waiting on this device (one run at a time). */
  flush(): Promise<void> {
    this.flushing ??= this.sendWaiting().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendWaiting(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const user = this.auth.user();
    if (!user) {
      if (this.waiting) this.retryLater(); // a session that ended with drafts waiting: look again after signing in
      return;
    }
    const waiting = (await this.store.list(user.id)).filter((d) => d.pendingSync);
    this.waiting = waiting.length > 0;
    if (!waiting.length) {
      this.retryDelay = DRAFT_RETRY_FIRST_MS; // nothing waiting: no timer
      return;
    }
    if (!navigator.onLine) return this.retryLater(); // the online event comes first, the timer is a fallback
    for (const draft of waiting) {
      // Sent or deleted since the list was read: nothing to send.
      if (!(await this.store.get(draft.id))?.pendingSync) continue;
      try {
        const answers = draft.pendingStale ? await this.latestAnswers(draft) : (draft.pendingAnswers ?? draft.answers);
        await firstValueFrom(
          this.cases.saveDraft(draft.pluginId, draft.id, draft.formId, answers, draft.page, draft.completedTasks),
        );
        await this.markSent(draft.id);
        this.synced.update((ids) => [...ids, draft.id]);
      } catch (error: unknown) {
        const status = error instanceof NotReady ? 0 : toApiError(error).status;
        if (status === 0 || status === 401) return this.retryLater(); // not reachable (or signed out): try again later
        await this.markSent(draft.id); // refused: keep it on the device, stop retrying
      }
    }
    this.retryDelay = DRAFT_RETRY_FIRST_MS;
    this.waiting = false;
  }

  /** Tries again after a backoff: 15 s, doubling to 60 s. */
  private retryLater(): void {
    this.waiting = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, DRAFT_RETRY_MAX_MS);
  }

  /** What "Save as draft" would send for the answers as they are now (the cleaning is loaded lazily). */
  private async latestAnswers(draft: LocalDraft): Promise<Record<string, unknown>> {
    let plugins;
    try {
      plugins = await firstValueFrom(this.plugins.list());
    } catch (error: unknown) {
      if (toApiError(error).status === 0) throw new NotReady();
      throw error;
    }
    const form = plugins.find((p) => p.id === draft.pluginId)?.forms.find((f) => f.id === draft.formId);
    if (!form) return draft.pendingAnswers ?? draft.answers; // the server will say what it thinks
    const { draftAnswersToSend } = await import('./draft-answers');
    try {
      return await draftAnswersToSend(draft, form, (set) =>
        firstValueFrom(this.reference.rows(set, { flag: draft.pluginId })),
      );
    } catch (error: unknown) {
      if (toApiError(error).status === 0) throw new NotReady();
      throw error;
    }
  }

  private async markSent(id: string): Promise<void> {
    const current = await this.store.get(id);
    if (current) await this.store.put({ ...current, pendingSync: false, pendingStale: false });
  }
}
