import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference rows admins add and end-date at runtime, in core.reference_row beside the seeded ones.
 *
 * One table rather than a separate one for admin rows: `label`, `valid_to` and `flags` stay the
 * values in force, so everything that reads reference data (the catalogue, the form engine,
 * plugins' report SQL through `reference_v1`) needs no change and sees admin rows as it sees the
 * others. What a re-seed must not undo is recorded beside them:
 * - `source`: 'seed' (the core's or a plugin's release) or 'admin'. The seed never updates an
 *   admin row, and an admin can add a row to any set whose rows will not collide with it later.
 * - `admin_valid_to`: an end date an admin gave a seeded row; `seed_valid_to`: the release's own.
 *   The row's `valid_to` is the earlier of the two, whichever of the seed and the admin wrote last.
 * And on the set, `per_workflow` (its rows are claimed per workflow, so an admin row names its
 * workflows); clearing the checksums has the next boot seed every set again to fill it in.
 */
export class ReferenceAdminRows1764130092000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.reference_row
        ADD COLUMN source text NOT NULL DEFAULT 'seed',
        ADD COLUMN added_by uuid REFERENCES core.app_user(id) ON DELETE SET NULL,
        ADD COLUMN added_at timestamptz,
        ADD COLUMN seed_valid_to date,
        ADD COLUMN admin_valid_to date,
        ADD CONSTRAINT reference_row_source_check CHECK (source IN ('seed', 'admin')),
        ADD CONSTRAINT reference_row_admin_end_check CHECK (source = 'seed' OR admin_valid_to IS NULL)`);
    await q.query('UPDATE core.reference_row SET seed_valid_to = valid_to');
    await q.query('ALTER TABLE core.reference_set ADD COLUMN per_workflow boolean NOT NULL DEFAULT false');
    await q.query(`UPDATE core.reference_set SET checksum = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM core.reference_row WHERE source = $1', ['admin']);
    await q.query('ALTER TABLE core.reference_set DROP COLUMN per_workflow');
    await q.query(`
      ALTER TABLE core.reference_row
        DROP CONSTRAINT reference_row_admin_end_check,
        DROP CONSTRAINT reference_row_source_check,
        DROP COLUMN admin_valid_to,
        DROP COLUMN seed_valid_to,
        DROP COLUMN added_at,
        DROP COLUMN added_by,
        DROP COLUMN source`);
  }
}
