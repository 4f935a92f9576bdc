import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PluginState1764130000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.plugin_state (
        plugin_id text PRIMARY KEY,
        enabled boolean NOT NULL DEFAULT true,
        installed_version text NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.plugin_state');
  }
}
