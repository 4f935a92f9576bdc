import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cerberus1764130008000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // One row per Cerberus target: the version we hold and the case it became.
    await q.query(`
      CREATE TABLE core.cerberus_target (
        target_id text PRIMARY KEY,
        version integer NOT NULL,
        case_id uuid REFERENCES core.case(id),
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.cerberus_target');
  }
}
