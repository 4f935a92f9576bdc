import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A key that must wait, and until when. */
export interface ThrottleWait {
  key: string;
  /** Failed attempts counted for the key. */
  attempts: number;
  retryAt: Date;
}

/** How an account's failed attempts are spaced. */
export interface DelayPolicy {
  /** Failures that can come in a row; the wait before the next begins after the last of them. */
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  /** A failure this long after the last is counted from zero again. */
  forgetAfterSeconds: number;
}

/**
 * Counters of failed sign-ins in `core.sign_in_throttle`, shared by every instance: per client
 * address in a fixed window, per username spaced by a growing delay. Each write is one
 * statement, so failures on several instances at once are all counted; times are the database's.
 */
@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The keys that must wait now: the address (`windowKey`) once its window holds `limit`
   * failures, the username (`spacedKey`) until its last failure's delay has passed.
   */
  async waiting(windowKey: string, limit: number, windowSeconds: number, spacedKey: string): Promise<ThrottleWait[]> {
    return (await this.dataSource.query(
      `SELECT key, attempts,
              CASE WHEN key = $1 THEN window_started_at + make_interval(secs => $3) ELSE next_attempt_at END AS "retryAt"
         FROM core.sign_in_throttle
        WHERE (key = $1 AND attempts >= $2 AND window_started_at > now() - make_interval(secs => $3))
           OR (key = $4 AND next_attempt_at > now())`,
      [windowKey, limit, windowSeconds, spacedKey],
    )) as ThrottleWait[];
  }

  /** One more failure in the key's fixed window (a new window once the last has passed). */
  async countInWindow(key: string, windowSeconds: number): Promise<number> {
    const stale = 't.window_started_at <= now() - make_interval(secs => $2)';
    const rows = (await this.dataSource.query(
      `INSERT INTO core.sign_in_throttle AS t (key, attempts, window_started_at, next_attempt_at)
       VALUES ($1, 1, now(), now())
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN ${stale} THEN 1 ELSE t.attempts + 1 END,
         window_started_at = CASE WHEN ${stale} THEN now() ELSE t.window_started_at END,
         next_attempt_at = now()
       RETURNING attempts`,
      [key, windowSeconds],
    )) as { attempts: number }[];
    return rows[0]!.attempts;
  }

  /**
   * One more failure for the key: the next attempt is due after the delay for this count,
   * nothing for the first `free`, then `base`, doubling up to `max`.
   */
  async countSpaced(key: string, policy: DelayPolicy): Promise<ThrottleWait> {
    const delay = (count: string) =>
      `make_interval(secs => CASE WHEN ${count} < $2 THEN 0 ELSE least($3 * power(2, ${count} - $2), $4) END)`;
    const fresh = 't.next_attempt_at <= now() - make_interval(secs => $5)';
    const rows = (await this.dataSource.query(
      `INSERT INTO core.sign_in_throttle AS t (key, attempts, next_attempt_at)
       VALUES ($1, 1, now() + ${delay('1')})
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN ${fresh} THEN 1 ELSE t.attempts + 1 END,
         next_attempt_at = CASE WHEN ${fresh} THEN now() + ${delay('1')} ELSE now() + ${delay('(t.attempts + 1)')} END
       RETURNING key, attempts, next_attempt_at AS "retryAt"`,
      [key, policy.free, policy.baseSeconds, policy.maxSeconds, policy.forgetAfterSeconds],
    )) as ThrottleWait[];
    return rows[0]!;
  }

  /** A success: the key's failures are forgotten. */
  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM core.sign_in_throttle WHERE key = $1', [key]);
  }

  /** Removes rows quiet for longer than `seconds`. */
  async removeQuiet(seconds: number): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM core.sign_in_throttle WHERE next_attempt_at < now() - make_interval(secs => $1)',
      [seconds],
    );
  }
}
