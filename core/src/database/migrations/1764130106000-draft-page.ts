import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The page a draft was saved on, so it reopens there on any device (the shell's own copy knew it
 * only on the device that kept it). Drafts saved before have none and open at the start.
 */
export class DraftPage1764130106000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.draft ADD COLUMN page text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.draft DROP COLUMN page');
  }
}
