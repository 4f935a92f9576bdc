import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateReferral1764205000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_intelligence_referral.referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        source text NOT NULL,
        port_id text,
        handling_condition text NOT NULL,
        subject_types text[] NOT NULL,
        indicators text[] NOT NULL,
        attachment_count integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_referral_case_id" ON plugin_intelligence_referral.referral (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_intelligence_referral.referral');
  }
}
