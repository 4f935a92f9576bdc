import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateUseOfForce1764207000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_use_of_force.use_of_force (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        port_id text NOT NULL,
        team_id text NOT NULL,
        subject_behaviour text[] NOT NULL,
        reasons text[] NOT NULL,
        techniques text[] NOT NULL,
        duration_minutes integer,
        subject_injured boolean NOT NULL,
        officer_injured boolean NOT NULL,
        medical_assistance text NOT NULL,
        body_worn_video boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_use_of_force_case_id" ON plugin_use_of_force.use_of_force (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_use_of_force.use_of_force');
  }
}
