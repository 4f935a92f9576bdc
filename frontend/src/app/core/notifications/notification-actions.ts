import { firstValueFrom } from 'rxjs';
import { DISMISSED_KEY, NotificationService } from './notification.service';

/**
 * What officers do with notifications, kept out of the service so it loads only with the pages
 * and the banner that use it (the service is in the initial bundle).
 */

/** Marks one notification read, here at once and then on the server. */
export async function markRead(service: NotificationService, id: string): Promise<void> {
  const target = service.items().find((n) => n.id === id);
  if (target && !target.readAt) {
    const readAt = new Date().toISOString();
    service.items.update((list) => list.map((n) => (n.id === id ? { ...n, readAt } : n)));
    service.unread.update((n) => Math.max(0, n - 1));
  }
  try {
    await firstValueFrom(service.http.post(`/api/notifications/${encodeURIComponent(id)}/read`, {}));
  } catch {
    // The server keeps it unread; the next refresh shows that. Nothing the officer can do here.
  }
}

/** Hides notifications from the banner for this tab (they stay unread in the inbox). */
export function dismiss(service: NotificationService, ids: readonly string[]): void {
  const next = new Set(service.dismissedIds());
  for (const id of ids) next.add(id);
  service.dismissedIds.set(next);
  try {
    sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...next].slice(-200)));
  } catch {
    // Storage can be disabled; dismissals then last until the tab reloads.
  }
}
