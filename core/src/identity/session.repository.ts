import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** What presenting a refresh token found. */
export type RefreshOutcome =
  | { kind: 'valid'; userId: string; sessionId: string }
  /** The token was exchanged before: someone holds a copy. */
  | { kind: 'reused'; userId: string; sessionId: string }
  /** Unknown, expired, or its session was revoked. */
  | { kind: 'invalid' };

export type RevocationReason = 'signed-out' | 'refresh-reused';

/** Sign-in sessions: refresh token families and the list of revoked sessions. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async storeRefreshToken(token: string, userId: string, sessionId: string, expiresAt: Date): Promise<void> {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .insert({ tokenHash: hashToken(token), userId, sessionId, expiresAt });
  }

  /**
   * Marks the refresh token consumed (each works once) and says whose session it continues.
   * A token that was consumed before is reported as reused, with its family.
   */
  async consumeRefreshToken(token: string): Promise<RefreshOutcome> {
    const rows = (await this.dataSource.query(
      `WITH consumed AS (
         UPDATE core.refresh_token SET consumed_at = now()
          WHERE token_hash = $1 AND consumed_at IS NULL AND expires_at > now()
         RETURNING user_id, session_id)
       SELECT user_id AS "userId", session_id AS "sessionId", true AS valid FROM consumed
       UNION ALL
       SELECT user_id, session_id, false FROM core.refresh_token
        WHERE token_hash = $1 AND consumed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM consumed)`,
      [hashToken(token)],
    )) as { userId: string; sessionId: string; valid: boolean }[];
    const row = rows[0];
    if (!row) return { kind: 'invalid' };
    return { kind: row.valid ? 'valid' : 'reused', userId: row.userId, sessionId: row.sessionId };
  }

  /**
   * Lists the sessions as revoked until `ttlSeconds` from now (when their last access token
   * has expired) and removes their refresh tokens, in one transaction.
   */
  async revoke(sessionIds: string[], userId: string, reason: RevocationReason, ttlSeconds: number): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO core.session_revocation (session_id, user_id, reason, expires_at)
         SELECT id, $2, $3, now() + make_interval(secs => $4) FROM unnest($1::uuid[]) AS id
         ON CONFLICT (session_id) DO NOTHING`,
        [sessionIds, userId, reason, ttlSeconds],
      );
      await manager.query('DELETE FROM core.refresh_token WHERE session_id = ANY($1::uuid[])', [sessionIds]);
    });
  }

  /** Every revoked session whose access tokens may still be unexpired, with when that ends. */
  async liveRevocations(): Promise<{ sessionId: string; expiresAt: Date }[]> {
    return (await this.dataSource.query(
      'SELECT session_id AS "sessionId", expires_at AS "expiresAt" FROM core.session_revocation WHERE expires_at > now()',
    )) as { sessionId: string; expiresAt: Date }[];
  }

  /** Removes expired refresh tokens and revocations nothing can need any more. */
  async prune(): Promise<void> {
    await this.dataSource.query('DELETE FROM core.refresh_token WHERE expires_at < now()');
    await this.dataSource.query("DELETE FROM core.session_revocation WHERE expires_at < now() - interval '1 hour'");
  }
}
