import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateSeizure1764213000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_cash_seizure.seizure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        detected_at timestamptz NOT NULL,
        port_id text NOT NULL,
        team_id text NOT NULL,
        transport_mode_id text NOT NULL,
        detection_method_id text NOT NULL,
        concealment_method_id text NOT NULL,
        family_name text NOT NULL,
        nationality_id text NOT NULL,
        total_sterling numeric(14,2) NOT NULL,
        reasons text[] NOT NULL,
        detention_decision text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_seizure_case_id" ON plugin_cash_seizure.seizure (case_id)');
    await q.query(`
      CREATE TABLE plugin_cash_seizure.seizure_amount (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        line_no integer NOT NULL,
        currency_item_id text NOT NULL,
        other_currency text,
        amount numeric(16,3) NOT NULL,
        sterling_value numeric(14,2) NOT NULL
      )`);
    await q.query('CREATE INDEX "IDX_seizure_amount_case_id" ON plugin_cash_seizure.seizure_amount (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_cash_seizure.seizure_amount');
    await q.query('DROP TABLE plugin_cash_seizure.seizure');
  }
}
