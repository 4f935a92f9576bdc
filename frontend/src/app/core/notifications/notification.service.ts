import { HttpClient } from '@angular/common/http';
import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { Subject, firstValueFrom } from 'rxjs';
import { TokenStore } from '../auth/token-store';
import { AppNotification, Inbox, isBannerNotification, isNotification } from './notification.model';

/** Creates the EventSource for the live stream, or null where there is none (jsdom); replaced in unit tests. */
export const EVENT_SOURCE = new InjectionToken<(url: string) => EventSource | null>('EVENT_SOURCE', {
  providedIn: 'root',
  factory: () => (url: string) => (typeof EventSource === 'function' ? new EventSource(url) : null),
});

/** EventSource.CLOSED, spelled out so the code does not need the global (absent in jsdom). */
const CLOSED = 2;
/** Longest wait between reconnection attempts after the server refused the stream. */
const MAX_BACKOFF_MS = 30_000;
/** Where banner dismissals are kept for the tab. */
export const DISMISSED_KEY = 'cop.dismissed-notifications';

/**
 * The signed-in user's notifications: the inbox, the unread count, and one live
 * EventSource to `/api/notifications/stream` for as long as there is an access token.
 *
 * EventSource cannot send headers, so the token goes in `?access_token=`. A new token (sign-in,
 * refresh) replaces the connection; sign-out closes it. When the server refuses the stream
 * (the token expired), the inbox is fetched through HttpClient, whose interceptor refreshes the
 * token; the new token then reconnects. Transient network failures are retried by EventSource itself.
 */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  /** For the inbox and notification-actions.ts. */
  readonly http = inject(HttpClient);
  private readonly tokens = inject(TokenStore);
  private readonly createSource = inject(EVENT_SOURCE);
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  /** The inbox, newest first (what the server returned plus what arrived live since). */
  readonly items = signal<AppNotification[]>([]);
  /** How many notifications are unread. */
  readonly unread = signal(0);
  /** Ids of notifications dismissed from the banner in this tab (kept in sessionStorage; see notification-actions.ts). */
  readonly dismissedIds = signal<ReadonlySet<string>>(readDismissed());
  /** Unread urgent notifications for the banner, newest first, without the ones dismissed here. */
  readonly urgent = computed(() =>
    this.items().filter((n) => isBannerNotification(n) && !this.dismissedIds().has(n.id)),
  );

  /** Emits whenever there are urgent notifications to show (the shell then loads the banner). */
  readonly urgentArrived = new Subject<void>();

  constructor() {
    // Plain subscriptions rather than an effect: the effect machinery would add to the initial bundle.
    const start = this.tokens.accessToken();
    if (start) this.connect(start);
    const subscription = this.tokens.changes.subscribe((token) => (token ? this.connect(token) : this.stop(true)));
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      this.stop(false);
    });
  }

  /** Fetches the inbox and the unread count. Resolves false when it could not. */
  async refresh(): Promise<boolean> {
    try {
      const inbox = await firstValueFrom(this.http.get<Inbox>('/api/notifications'));
      const known = new Set(inbox.notifications.map((n) => n.id));
      // Keep anything that arrived live while the request was in flight.
      const newer = this.items().filter(
        (n) => !known.has(n.id) && n.createdAt > (inbox.notifications[0]?.createdAt ?? ''),
      );
      this.setItems([...newer, ...inbox.notifications]);
      this.unread.set(inbox.unread + newer.filter((n) => !n.readAt).length);
      return true;
    } catch {
      return false;
    }
  }

  private connect(token: string): void {
    this.stop(false);
    const source = this.createSource(`/api/notifications/stream?access_token=${encodeURIComponent(token)}`);
    this.source = source;
    if (!source) return;
    source.addEventListener('notification', (event) => this.receive((event as MessageEvent<string>).data));
    source.onopen = () => {
      this.failures = 0;
      // Catch up with whatever happened while there was no connection.
      void this.refresh();
    };
    source.onerror = () => {
      // CONNECTING: EventSource retries by itself. CLOSED: the server refused (401, 5xx); recover here.
      if (source === this.source && source.readyState === CLOSED) this.scheduleRecovery(token);
    };
  }

  private scheduleRecovery(token: string): void {
    if (this.retryTimer) return;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.recover(token);
    }, delay);
  }

  /** The inbox request refreshes an expired token on the way (the interceptor); a new token reconnects by itself. */
  private async recover(token: string): Promise<void> {
    const ok = await this.refresh();
    const current = this.tokens.accessToken();
    if (!current || current !== token) return;
    if (ok) this.connect(current);
    else this.scheduleRecovery(current);
  }

  private receive(data: string): void {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return;
    }
    if (!isNotification(value)) return;
    const n = value;
    if (this.items().some((existing) => existing.id === n.id)) return;
    this.setItems([n, ...this.items()]);
    if (!n.readAt) this.unread.update((count) => count + 1);
  }

  private setItems(list: AppNotification[]): void {
    this.items.set(list);
    if (this.urgent().length) this.urgentArrived.next();
  }

  private stop(signedOut: boolean): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
    if (signedOut) {
      this.failures = 0;
      this.items.set([]);
      this.unread.set(0);
      this.dismissedIds.set(new Set());
      try {
        sessionStorage.removeItem(DISMISSED_KEY);
      } catch {
        // Nothing stored.
      }
    }
  }
}

function readDismissed(): ReadonlySet<string> {
  try {
    const raw = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}
