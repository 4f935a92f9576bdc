import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateReferral1764212000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_safeguarding_referral.referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        encountered_at timestamptz NOT NULL,
        port_id text NOT NULL,
        team_id text NOT NULL,
        event_type_id text NOT NULL,
        category text NOT NULL,
        indicators text[] NOT NULL,
        person_age text NOT NULL,
        treated_as_child boolean NOT NULL,
        nationality_id text NOT NULL,
        language_id text,
        accompanied boolean NOT NULL,
        actions_taken text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_referral_case_id" ON plugin_safeguarding_referral.referral (case_id)');
    await q.query(`
      CREATE TABLE plugin_safeguarding_referral.companion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        given_name text,
        family_name text,
        relation text NOT NULL,
        relation_verified boolean NOT NULL
      )`);
    await q.query('CREATE INDEX "IDX_companion_case_id" ON plugin_safeguarding_referral.companion (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_safeguarding_referral.companion');
    await q.query('DROP TABLE plugin_safeguarding_referral.referral');
  }
}
