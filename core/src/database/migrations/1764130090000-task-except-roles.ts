import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roles whose holders may not claim a task (its template's `exceptRoles`), kept on the task
 * as it is created, as its candidate role is. Existing tasks exclude nobody.
 */
export class TaskExceptRoles1764130090000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.task ADD COLUMN except_roles text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.task DROP COLUMN except_roles');
  }
}
