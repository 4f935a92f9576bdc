import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks by when they fall due, for the dashboard's "SLA breaches" tile: a month of tasks due, with
 * what says whether each was done in time, as an index-only range scan (the other due index holds
 * only open tasks waiting to escalate).
 */
export class TaskDueIndex1764130120000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX task_due_month_idx ON core.task (due_at) INCLUDE (team_id, status, completed_at) WHERE due_at IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.task_due_month_idx');
  }
}
