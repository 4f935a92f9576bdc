import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateTargetOutcome1764204000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_target_outcome.target_outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        target_reference text NOT NULL,
        outcome_at timestamptz NOT NULL,
        outcome text NOT NULL,
        reason text,
        linked_case_key text,
        corrected boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_target_outcome_case_id" ON plugin_target_outcome.target_outcome (case_id)');
    await q.query(
      'CREATE INDEX "IDX_target_outcome_target_reference" ON plugin_target_outcome.target_outcome (target_reference)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_target_outcome.target_outcome');
  }
}
