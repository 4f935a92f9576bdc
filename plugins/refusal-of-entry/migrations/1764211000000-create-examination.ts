import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateExamination1764211000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_refusal_of_entry.examination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        nationality_id text NOT NULL,
        sex_id text NOT NULL,
        document_type_id text NOT NULL,
        document_number text NOT NULL,
        issuing_country_id text NOT NULL,
        document_issue_id text,
        port_id text NOT NULL,
        transport_mode_id text NOT NULL,
        arrived_at timestamptz NOT NULL,
        team_id text NOT NULL,
        risk_factors text[] NOT NULL,
        power_used text NOT NULL,
        is81_served_at timestamptz NOT NULL,
        interpreter_language_id text,
        outcome text NOT NULL,
        decision_at timestamptz NOT NULL,
        refused boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_examination_case_id" ON plugin_refusal_of_entry.examination (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_refusal_of_entry.examination');
  }
}
