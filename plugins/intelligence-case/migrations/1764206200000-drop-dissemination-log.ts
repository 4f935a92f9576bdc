import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

const S = 'plugin_intelligence_case';

/**
 * The plugin keeps no tables of its own: the read model has what reports count, and the case's
 * history (the core's audit of every action, with its answers) has every product disseminated.
 * Drops the dissemination log, and the answers' copy where an older database still has it.
 * `down()` brings the log back empty.
 */
export class DropDisseminationLog1764206200000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ${S}.intelligence_product`);
    await q.query(`DROP TABLE IF EXISTS ${S}.intelligence_case`);
  }

  async down(q: QueryRunner): Promise<void> {
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
}
