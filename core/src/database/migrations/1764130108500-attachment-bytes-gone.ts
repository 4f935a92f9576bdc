import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids of attachments whose rows are gone (removed, swept, or with their draft, case or
 * uploader), for the attachment store to delete their bytes. PostgreSQL's own chunks go with the
 * row (ON DELETE CASCADE); an S3 bucket's cannot, so every way a row can go, cascades included,
 * leaves its id here in the same transaction, and the store is emptied of it after
 * (AttachmentStoreService.removeGone). An infected file's id is put here too: its row stays.
 */
export class AttachmentBytesGone1764130108500 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.attachment_bytes_gone (
        attachment_id uuid PRIMARY KEY,
        gone_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION core.attachment_bytes_gone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO core.attachment_bytes_gone (attachment_id) SELECT id FROM gone ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER attachment_bytes_gone AFTER DELETE ON core.attachment
        REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION core.attachment_bytes_gone()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER attachment_bytes_gone ON core.attachment');
    await q.query('DROP FUNCTION core.attachment_bytes_gone()');
    await q.query('DROP TABLE core.attachment_bytes_gone');
  }
}
