import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a keyed submission asked for (a hash of its workflow and body), kept with its
 * Idempotency-Key so that the key reused for a different request is refused rather than
 * answered with the first case. Cases stored before it have none and replay as before.
 */
export class IdempotencyFingerprint1764130099200 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.case ADD COLUMN idempotency_fingerprint text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.case DROP COLUMN idempotency_fingerprint');
  }
}
