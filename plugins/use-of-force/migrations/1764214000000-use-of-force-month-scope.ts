import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/**
 * The monthly use of force report reads one month of reports (by when force was used) in the
 * manager's command. The row's own `team_id` is the team the officer gave on the form; the
 * manager's scope is the team that owns the case (`core.case.team_id`), which can differ. Joining
 * every row to `core.case` for it lets PostgreSQL read every case of the command instead, so the
 * row now carries the case's team too (written by the onSubmit hook; existing rows are filled from
 * their cases here), and one covering index holds everything the month's figures need: the report
 * is an index-only range scan over that month alone.
 */
export class UseOfForceMonthScope1764214000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE plugin_use_of_force.use_of_force ADD COLUMN case_team_id text');
    await q.query(`
      UPDATE plugin_use_of_force.use_of_force u SET case_team_id = c.team_id FROM core.case c WHERE c.id = u.case_id`);
    await q.query(`
      CREATE INDEX "IDX_use_of_force_month" ON plugin_use_of_force.use_of_force (occurred_at)
        INCLUDE (case_team_id, port_id, subject_injured, officer_injured, medical_assistance, body_worn_video, techniques, reasons)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_use_of_force."IDX_use_of_force_month"');
    await q.query('ALTER TABLE plugin_use_of_force.use_of_force DROP COLUMN case_team_id');
  }
}
