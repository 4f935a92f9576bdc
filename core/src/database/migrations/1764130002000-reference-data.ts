import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceData1764130002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.reference_set (
        id text PRIMARY KEY,
        label text NOT NULL,
        description text NOT NULL,
        checksum text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE core.reference_row (
        set_id text NOT NULL REFERENCES core.reference_set(id) ON DELETE CASCADE,
        id text NOT NULL,
        label text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        flags text[],
        parent text,
        attributes jsonb,
        PRIMARY KEY (set_id, id),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.reference_row');
    await q.query('DROP TABLE core.reference_set');
  }
}
