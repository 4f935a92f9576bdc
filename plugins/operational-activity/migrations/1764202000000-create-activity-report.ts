import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

const S = 'plugin_operational_activity';

export class CreateActivityReport1764202000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ${S}.activity_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        shift_start timestamptz NOT NULL,
        shift_end timestamptz NOT NULL,
        shift_minutes integer NOT NULL,
        port_id text NOT NULL,
        team_id text NOT NULL,
        staff_total integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_activity_report_case_id" ON ${S}.activity_report (case_id)`);
    await q.query(`CREATE INDEX "IDX_activity_report_team_id" ON ${S}.activity_report (team_id)`);
    await q.query(`
      CREATE TABLE ${S}.staff_by_grade (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        grade_id text NOT NULL,
        staff_count integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "IDX_staff_by_grade_case_id" ON ${S}.staff_by_grade (case_id)`);
    await q.query(`
      CREATE TABLE ${S}.activity_minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        transport_mode text NOT NULL,
        activity text NOT NULL,
        minutes integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "IDX_activity_minutes_case_id" ON ${S}.activity_minutes (case_id)`);
    await q.query(`
      CREATE TABLE ${S}.detections_by_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        target_category text NOT NULL,
        positive_count integer NOT NULL,
        negative_count integer NOT NULL
      )`);
    await q.query(`CREATE INDEX "IDX_detections_by_category_case_id" ON ${S}.detections_by_category (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['detections_by_category', 'activity_minutes', 'staff_by_grade', 'activity_report']) {
      await q.query(`DROP TABLE ${S}.${table}`);
    }
  }
}
