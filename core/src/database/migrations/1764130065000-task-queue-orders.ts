import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team queues sorted by due date and by age page from an index as the priority order does:
 * each keyset page reads 26 index entries whether it is the first page or the five-hundredth.
 * (Personal queues are short, so the assignee index keeps the priority order only.)
 */
export class TaskQueueOrders1764130065000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX task_team_due_idx ON core.task (team_id, (COALESCE(due_at, 'infinity'::timestamptz)), id) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX task_team_created_idx ON core.task (team_id, created_at, id) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.task_team_created_idx');
    await q.query('DROP INDEX core.task_team_due_idx');
  }
}
