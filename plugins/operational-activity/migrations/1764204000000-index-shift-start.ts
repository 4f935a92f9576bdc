import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/** Hours reports select activity reports by the day their shift started. */
export class IndexShiftStart1764204000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX "IDX_activity_report_shift_start" ON plugin_operational_activity.activity_report (shift_start)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_operational_activity."IDX_activity_report_shift_start"');
  }
}
