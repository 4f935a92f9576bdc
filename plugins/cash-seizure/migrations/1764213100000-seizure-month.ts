import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/**
 * The monthly report reads one month of cash detections in the manager's command, by when the
 * cash was found. The row's `team_id` is the case's team (the plugin takes the case's team from
 * the form's `team` answer), so the month and the scope are both in one covering index and the
 * report's figures are an index-only range scan over that month alone, however many months of
 * detections are stored.
 */
export class SeizureMonth1764213100000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_seizure_month" ON plugin_cash_seizure.seizure (detected_at)
         INCLUDE (team_id, port_id, detention_decision, total_sterling, case_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_cash_seizure."IDX_seizure_month"');
  }
}
