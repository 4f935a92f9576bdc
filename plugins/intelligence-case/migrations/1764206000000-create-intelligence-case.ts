import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

const S = 'plugin_intelligence_case';

export class CreateIntelligenceCase1764206000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
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
    await q.query(`
      CREATE TABLE ${S}.intelligence_product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        product_type text NOT NULL,
        product_reference text NOT NULL,
        disseminated_to text[] NOT NULL,
        legal_gateway text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_intelligence_product_case_id" ON ${S}.intelligence_product (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${S}.intelligence_product`);
    await q.query(`DROP TABLE ${S}.intelligence_case`);
  }
}
