import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound deliveries retried for a time, not a number of attempts, and redriven without losing
 * their history (core/src/integrations/outbox-dispatcher.ts, docs/cerberus.md):
 * - `retry_from`: when the event's current retry window began (its creation, or its last
 *   redrive); it is dead-lettered once CERBERUS_RETRY_HORIZON_SECONDS have passed since.
 * - `leased_until`: set while an instance holds a claim, so releasing events that wait out a
 *   backoff (when Cerberus answers again) leaves deliveries in flight alone.
 * - `core.outbox_redrive`: every redrive of a dead event, with who did it and the attempts and
 *   error the event had; `attempts` and `last_error` on the event are kept, not reset.
 */
export class OutboxRetryWindow1764130105000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.outbox ADD COLUMN retry_from timestamptz');
    await q.query('UPDATE core.outbox SET retry_from = created_at');
    await q.query('ALTER TABLE core.outbox ALTER COLUMN retry_from SET DEFAULT now()');
    await q.query('ALTER TABLE core.outbox ALTER COLUMN retry_from SET NOT NULL');
    await q.query('ALTER TABLE core.outbox ADD COLUMN leased_until timestamptz');
    await q.query(`
      CREATE TABLE core.outbox_redrive (
        id bigserial PRIMARY KEY,
        outbox_id bigint NOT NULL REFERENCES core.outbox(id) ON DELETE CASCADE,
        redriven_at timestamptz NOT NULL DEFAULT now(),
        redriven_by text NOT NULL,
        attempts integer NOT NULL,
        last_error text
      )`);
    await q.query('CREATE INDEX outbox_redrive_event_idx ON core.outbox_redrive (outbox_id)');
    // The ops figures count recent deliveries without reading the whole table (dead ones: outbox_dead_idx).
    await q.query(`CREATE INDEX outbox_delivered_at_idx ON core.outbox (delivered_at) WHERE status = 'delivered'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.outbox_delivered_at_idx');
    await q.query('DROP TABLE core.outbox_redrive');
    await q.query('ALTER TABLE core.outbox DROP COLUMN leased_until');
    await q.query('ALTER TABLE core.outbox DROP COLUMN retry_from');
  }
}
