import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report runs, their finished PDFs and per-report schedule overrides. PDFs are stored in
 * PostgreSQL (1 MiB chunks) because it is the only store every core instance shares: any
 * instance can render a run and any instance can serve the download.
 */
export class ReportRuns1764130060000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.report_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id text NOT NULL,
        title text NOT NULL,
        parameters jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        requested_by uuid REFERENCES core.app_user(id),
        generated_by text NOT NULL,
        scope_teams text[],
        command_id text,
        scheduled_for timestamptz,
        percent integer NOT NULL DEFAULT 0,
        rows_done integer NOT NULL DEFAULT 0,
        rows_total integer,
        pages integer,
        bytes bigint,
        error text,
        claimed_by text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // One scheduled run per report, fire time and command, however many instances tick.
    await q.query(`CREATE UNIQUE INDEX report_run_schedule_uq ON core.report_run (report_id, scheduled_for, (coalesce(command_id, '')))
      WHERE scheduled_for IS NOT NULL`);
    await q.query(
      `CREATE INDEX report_run_pending_idx ON core.report_run (created_at) WHERE status IN ('queued', 'running')`,
    );
    await q.query('CREATE INDEX report_run_requester_idx ON core.report_run (requested_by, created_at DESC)');
    await q.query(
      'CREATE INDEX report_run_command_idx ON core.report_run (command_id, created_at DESC) WHERE scheduled_for IS NOT NULL',
    );
    await q.query(`
      CREATE TABLE core.report_run_chunk (
        run_id uuid NOT NULL REFERENCES core.report_run(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (run_id, seq)
      )`);
    await q.query(`
      CREATE TABLE core.report_schedule (
        report_id text PRIMARY KEY,
        cron text,
        enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.report_schedule');
    await q.query('DROP TABLE core.report_run_chunk');
    await q.query('DROP TABLE core.report_run');
  }
}
