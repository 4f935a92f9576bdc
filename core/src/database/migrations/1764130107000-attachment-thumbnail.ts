import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each photo's thumbnail, made once (decoding a 20 MB photo takes a core a second or so) and kept
 * while the photo is: it goes with its attachment, and so with the draft or case it belongs to.
 */
export class AttachmentThumbnail1764130107000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.attachment_thumbnail (
        attachment_id uuid PRIMARY KEY REFERENCES core.attachment(id) ON DELETE CASCADE,
        image bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.attachment_thumbnail');
  }
}
