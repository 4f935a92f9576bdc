import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling shared by every instance (core/src/identity/sign-in-throttle.service.ts).
 * One row per client address (`ip:<address>`: failed sign-ins in the current one-minute window)
 * and one per username as typed (`account:<username>`: failures since the last success, and
 * when the next attempt may be made). Usernames that match no account get a row too, so the answers do not
 * tell accounts apart. Rows quiet for a day are removed.
 */
export class SignInThrottle1764130100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.sign_in_throttle (
        key text PRIMARY KEY,
        attempts integer NOT NULL,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        next_attempt_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX sign_in_throttle_next_idx ON core.sign_in_throttle (next_attempt_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.sign_in_throttle');
  }
}
