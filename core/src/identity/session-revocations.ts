import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import type { PgEvents } from '../database/pg-events.js';
import { CONFIG, LOGGER, PG_EVENTS } from '../tokens.js';
import { SessionRepository, type RevocationReason } from './session.repository.js';

const CHANNEL = 'cop_session_revoked';
/** How stale this instance's copy of the list may get if a notification is missed. */
export const REVOCATION_REFRESH_MS = 5_000;
/** Covers clock differences between instances and the database. */
const MARGIN_SECONDS = 60;
/** Session ids per NOTIFY payload (PostgreSQL allows 8,000 bytes). */
const IDS_PER_NOTICE = 100;
const PRUNE_MS = 10 * 60_000;

/**
 * The revoked sign-in sessions, kept in memory so checking a token costs no database round
 * trip. The list lives in PostgreSQL (`core.session_revocation`) and is short: a session stays
 * on it only until its last access token has expired. A revocation takes effect on this
 * instance at once, on the others when PostgreSQL's NOTIFY reaches them, and at the latest
 * when they next re-read the list (every {@link REVOCATION_REFRESH_MS}).
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap {
  /** Session id → epoch ms after which it need not be remembered. */
  private readonly revoked = new Map<string, number>();
  private reloading = false;

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.events.listen(
      CHANNEL,
      (payload) => this.remember(payload.split(',').filter(Boolean)),
      () => this.reload(),
    );
    await this.reload();
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > Date.now();
  }

  /** Ends the sessions: their access tokens stop working and their refresh tokens are removed. */
  async revoke(sessionIds: string[], userId: string, reason: RevocationReason): Promise<void> {
    const ids = [...new Set(sessionIds)];
    if (ids.length === 0) return;
    await this.sessions.revoke(ids, userId, reason, this.ttlSeconds);
    this.remember(ids);
    for (let i = 0; i < ids.length; i += IDS_PER_NOTICE) {
      await this.events
        .notify(CHANNEL, ids.slice(i, i + IDS_PER_NOTICE).join(','))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'session revocation announce failed'));
    }
  }

  /** Re-reads the list; entries are only ever added (a revocation is never undone) or expire. */
  @Interval('session-revocations', REVOCATION_REFRESH_MS)
  async reload(): Promise<void> {
    if (this.reloading) return;
    this.reloading = true;
    try {
      const now = Date.now();
      for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
      for (const row of await this.sessions.liveRevocations()) {
        const until = row.expiresAt.getTime() + MARGIN_SECONDS * 1000;
        this.revoked.set(row.sessionId, Math.max(until, this.revoked.get(row.sessionId) ?? 0));
      }
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'could not re-read the revoked sessions; will retry');
    } finally {
      this.reloading = false;
    }
  }

  @Interval('session-prune', PRUNE_MS)
  async prune(): Promise<void> {
    await this.sessions
      .prune()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not prune expired sessions'));
  }

  private remember(ids: string[]): void {
    const until = Date.now() + (this.ttlSeconds + MARGIN_SECONDS) * 1000;
    for (const id of ids) this.revoked.set(id, Math.max(until, this.revoked.get(id) ?? 0));
  }

  /** A revoked session's tokens are all expired this long after the revocation. */
  private get ttlSeconds(): number {
    return this.config.AUTH_ACCESS_TOKEN_TTL_SECONDS + MARGIN_SECONDS;
  }
}
