import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

const S = 'plugin_intelligence_case';

/**
 * The case table only copied the start form's answers (and the NFA and primacy actions'): the
 * core's read model keeps them now, so it goes. The dissemination log stays. `down()` brings the
 * table back empty: the answers it held are still on the cases.
 */
export class DropIntelligenceCaseCopy1764206100000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${S}.intelligence_case`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ${S}.intelligence_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        referral_reference text,
        primacy_team_id text NOT NULL,
        handling_condition text NOT NULL,
        review_date date NOT NULL,
        no_further_action boolean NOT NULL DEFAULT false,
        nfa_authorised_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_intelligence_case_case_id" ON ${S}.intelligence_case (case_id)`);
  }
}
