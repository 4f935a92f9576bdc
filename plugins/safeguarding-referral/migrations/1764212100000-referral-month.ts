import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/**
 * The monthly safeguarding report reads one month of referrals (by when the officer met the
 * person) in the manager's command. Without an index on `encountered_at` it read every referral
 * ever made. The row already carries the case's team (the start form's `team` answer owns the
 * case: `teamFrom`), so one covering index holds everything the month's figures need, with the
 * case id for the look-up of whether the referral is still open: the report is an index-only
 * range scan over that month alone, however much history builds up.
 */
export class ReferralMonth1764212100000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_referral_month" ON plugin_safeguarding_referral.referral (encountered_at)
         INCLUDE (team_id, port_id, category, treated_as_child, person_age, indicators, actions_taken, case_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_safeguarding_referral."IDX_referral_month"');
  }
}
