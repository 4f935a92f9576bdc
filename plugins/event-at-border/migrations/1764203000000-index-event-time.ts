import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/** Monthly reports select events by when they happened. */
export class IndexEventTime1764203000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_event_event_at" ON plugin_event_at_border.event (event_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_event_at_border."IDX_event_event_at"');
  }
}
