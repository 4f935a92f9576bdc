import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dead letters per channel, which `/metrics` counts on every scrape, without reading delivered rows. */
export class OutboxDeadIndex1764130099100 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_dead_idx ON core.outbox (topic) WHERE status = 'dead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.outbox_dead_idx');
  }
}
