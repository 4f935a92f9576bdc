import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which shape of each plugin's read model is built. The read model is derived from the plugin's
 * start form (its fields marked for reporting); when the shape changes the core rebuilds it
 * from the cases, so it needs no migrations of its own.
 */
export class ReadModel1764130085000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.read_model (
        plugin_id text PRIMARY KEY,
        shape_hash text NOT NULL,
        built_at timestamptz NOT NULL DEFAULT now(),
        cases integer NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.read_model');
  }
}
