import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks by when they fall due, for the dashboard's "SLA breaches" tile: a month of tasks due, with
 * what says whether each was done in time, as an index-only range scan (the other due index holds
 * only open tasks waiting to escalate).
 */
export class TaskDueIndex1764130120000 implements MigrationInterface {
  /** Built CONCURRENTLY (outside a transaction): core.task is large, and writes to it go on meanwhile. */
  transaction = false as const;

  async up(q: QueryRunner): Promise<void> {
    // An earlier attempt cut short leaves an invalid index behind: start again.
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS core.task_due_month_idx');
    await q.query(
      'CREATE INDEX CONCURRENTLY task_due_month_idx ON core.task (due_at) INCLUDE (team_id, status, completed_at) WHERE due_at IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX CONCURRENTLY IF EXISTS core.task_due_month_idx');
  }
}
