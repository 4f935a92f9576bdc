import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateInterpreterRequest1764215000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_interpreter_request.interpreter_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        language_id text NOT NULL,
        dialect text,
        interpreter_sex text NOT NULL,
        port_id text NOT NULL,
        needed_at timestamptz NOT NULL,
        urgency text NOT NULL,
        purpose text NOT NULL,
        attendance text NOT NULL,
        expected_minutes integer NOT NULL,
        requester_name text NOT NULL,
        requester_phone text NOT NULL,
        team_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      'CREATE INDEX "IDX_interpreter_request_case_id" ON plugin_interpreter_request.interpreter_request (case_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_interpreter_request.interpreter_request');
  }
}
