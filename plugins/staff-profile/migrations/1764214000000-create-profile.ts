import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateProfile1764214000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_staff_profile.profile (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        user_id text NOT NULL,
        grade_id text NOT NULL,
        team_id text NOT NULL,
        location_id text NOT NULL,
        line_manager_name text NOT NULL,
        line_manager_email text NOT NULL,
        shift_start timestamptz NOT NULL,
        shift_end timestamptz NOT NULL,
        shift_team_id text NOT NULL,
        shift_location_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (shift_end > shift_start)
      )`);
    await q.query('CREATE INDEX "IDX_profile_case_id" ON plugin_staff_profile.profile (case_id)');
    await q.query(`
      CREATE TABLE plugin_staff_profile.delegate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        valid_until date
      )`);
    await q.query('CREATE INDEX "IDX_delegate_case_id" ON plugin_staff_profile.delegate (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_staff_profile.delegate');
    await q.query('DROP TABLE plugin_staff_profile.profile');
  }
}
