import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateDebrief1764130100000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_hot_debrief.debrief (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid,
        category text NOT NULL,
        port_id text NOT NULL,
        team_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_debrief_case_id" ON plugin_hot_debrief.debrief (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_hot_debrief.debrief');
  }
}
