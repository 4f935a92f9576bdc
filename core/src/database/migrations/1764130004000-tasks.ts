import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tasks1764130004000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES core.case(id) ON DELETE CASCADE,
        plugin_id text NOT NULL,
        state_id text NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
        team_id text,
        candidate_role text,
        assignee_id uuid REFERENCES core.app_user(id),
        priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
        priority_rank smallint NOT NULL,
        due_at timestamptz,
        escalation jsonb,
        escalated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    // Queues: open tasks of a team or an assignee, newest or most urgent first, keyset-paged.
    await q.query(
      `CREATE INDEX task_team_queue_idx ON core.task (team_id, priority_rank DESC, created_at, id) WHERE status = 'open'`,
    );
    await q.query(
      `CREATE INDEX task_assignee_queue_idx ON core.task (assignee_id, priority_rank DESC, created_at, id) WHERE status = 'open'`,
    );
    await q.query(
      `CREATE INDEX task_due_idx ON core.task (due_at) WHERE status = 'open' AND escalated_at IS NULL AND escalation IS NOT NULL`,
    );
    await q.query('CREATE INDEX task_case_idx ON core.task (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.task');
  }
}
