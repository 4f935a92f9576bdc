import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  caseId?: string | null;
  urgent?: boolean;
}

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  urgent: boolean;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", kind, title, body, case_id AS "caseId", urgent, created_at AS "createdAt", read_at AS "readAt"`;

/** The inbox: one row per recipient, written in the transaction of what caused it. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Sends to every user matching the audience, in the caller's transaction; after commit, pass the
   * batch id to NotificationHub.publish so connected officers get it live.
   */
  async toAudience(
    manager: EntityManager,
    audience: { teamIds: string[]; roles?: string[]; onShiftOnly?: boolean } | { userIds: string[] },
    n: NewNotification,
  ): Promise<{ batchId: string; count: number }> {
    const batchId = randomUUID();
    const params: unknown[] = [n.kind, n.title, n.body, n.caseId ?? null, n.urgent ?? false, batchId];
    let who: string;
    if ('userIds' in audience) {
      who = `u.id = ANY($${params.push(audience.userIds)}::uuid[])`;
    } else {
      const teams = `$${params.push(audience.teamIds)}`;
      who = audience.onShiftOnly
        ? `u.shift_team_id = ANY(${teams})`
        : `(u.team_id = ANY(${teams}) OR u.shift_team_id = ANY(${teams}))`;
      if (audience.roles?.length) who += ` AND u.roles && $${params.push(audience.roles)}::text[]`;
    }
    const rows = (await manager.query(
      `INSERT INTO core.notification (user_id, kind, title, body, case_id, urgent, batch_id)
       SELECT u.id, $1, $2, $3, $4, $5, $6 FROM core.app_user u WHERE ${who}
       RETURNING id`,
      params,
    )) as unknown[];
    return { batchId, count: rows.length };
  }

  /** The rows of one batch addressed to any of the given users (those connected to this instance). */
  async batchFor(batchId: string, userIds: string[]): Promise<NotificationRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.notification WHERE batch_id = $1 AND user_id = ANY($2::uuid[])`,
      [batchId, userIds],
    )) as NotificationRecord[];
  }

  /** The users' notifications created after `after`, oldest first (catching up after a missed announcement). */
  async since(userIds: string[], after: Date, limit: number): Promise<NotificationRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.notification WHERE user_id = ANY($1::uuid[]) AND created_at > $2
        ORDER BY created_at LIMIT $3`,
      [userIds, after, limit],
    )) as NotificationRecord[];
  }

  async inbox(userId: string, limit: number): Promise<{ notifications: NotificationRecord[]; unread: number }> {
    const [notifications, unread] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM core.notification WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`,
        [userId, limit],
      ),
      this.dataSource.query('SELECT count(*)::int AS n FROM core.notification WHERE user_id = $1 AND read_at IS NULL', [
        userId,
      ]),
    ]);
    return { notifications: notifications as NotificationRecord[], unread: (unread as { n: number }[])[0]!.n };
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      'UPDATE core.notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, userId],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }
}
