import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report schedules set through the API: the fixed parameters each scheduled run gets (beside the
 * period and command a schedule fills in) and who changed the schedule last.
 */
export class ReportScheduleSettings1764130070000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE core.report_schedule
        ADD COLUMN parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN updated_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.report_schedule DROP COLUMN updated_by, DROP COLUMN parameters');
  }
}
