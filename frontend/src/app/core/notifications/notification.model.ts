import type { Schema } from '../api/schema';

/** A notification as `GET /api/notifications` and the live stream return it (core/src/notifications). */
export type AppNotification = Schema<'NotificationView'>;

/** The inbox: newest first, with the unread count. */
export type Inbox = Schema<'InboxView'>;

/** Kinds that interrupt the officer with a banner on every page: a Cerberus target for their team, new or changed. */
export const BANNER_KINDS: readonly string[] = ['cerberus.target', 'cerberus.target-updated'];

/** Whether a notification belongs in the urgent banner: urgent, of a banner kind, and not yet read. */
export function isBannerNotification(n: AppNotification): boolean {
  return n.urgent && !n.readAt && BANNER_KINDS.includes(n.kind);
}

/** Whether a value from the stream looks like a notification. */
export function isNotification(value: unknown): value is AppNotification {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r['id'] === 'string' && typeof r['kind'] === 'string' && typeof r['title'] === 'string';
}
