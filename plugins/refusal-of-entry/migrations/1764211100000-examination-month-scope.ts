import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/**
 * The monthly refusals report reads one month of decisions in the manager's command. Without an
 * index on `decision_at` it read every examination ever recorded. The row already carries the
 * case's team (the start form's `team` answer, which is the case's team: `teamFrom`), so one
 * covering index holds everything the month's figures need: the report is an index-only range
 * scan over that month alone, however much history builds up.
 */
export class ExaminationMonthScope1764211100000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_examination_month" ON plugin_refusal_of_entry.examination (decision_at)
         INCLUDE (team_id, port_id, nationality_id, outcome, refused, power_used, risk_factors)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_refusal_of_entry."IDX_examination_month"');
  }
}
