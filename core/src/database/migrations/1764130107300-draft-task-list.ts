import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a task-list draft keeps beyond its answers: the tasks the officer marked complete (a task
 * without required questions is complete only when they say so), and the business key reserved
 * for it when its form shows the reference at the top, which the case takes when it is submitted.
 */
export class DraftTaskList1764130107300 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.draft ADD COLUMN completed_tasks text[] NOT NULL DEFAULT '{}'`);
    await q.query('ALTER TABLE core.draft ADD COLUMN business_key text');
    // @blocking-index: the column was added empty just above and core.draft holds only unfinished drafts, so the build takes milliseconds
    await q.query('CREATE UNIQUE INDEX draft_business_key_idx ON core.draft (business_key)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.draft_business_key_idx');
    await q.query('ALTER TABLE core.draft DROP COLUMN business_key');
    await q.query('ALTER TABLE core.draft DROP COLUMN completed_tasks');
  }
}
