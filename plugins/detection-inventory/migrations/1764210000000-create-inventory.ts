import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateInventory1764210000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_detection_inventory.inventory (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        port_id text NOT NULL,
        terminal text,
        team_id text NOT NULL,
        count_date date NOT NULL,
        total_working integer NOT NULL,
        total_faulty integer NOT NULL,
        maintenance_contract boolean NOT NULL,
        maintenance_provider text,
        contract_end_date date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_inventory_case_id" ON plugin_detection_inventory.inventory (case_id)');
    await q.query(`
      CREATE TABLE plugin_detection_inventory.equipment_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        line_no integer NOT NULL,
        equipment_type text NOT NULL,
        other_equipment_type text,
        working_units integer NOT NULL CHECK (working_units >= 0),
        faulty_units integer NOT NULL CHECK (faulty_units >= 0),
        trained_staff integer NOT NULL CHECK (trained_staff >= 0),
        fault_reported boolean
      )`);
    await q.query('CREATE INDEX "IDX_equipment_line_case_id" ON plugin_detection_inventory.equipment_line (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_detection_inventory.equipment_line');
    await q.query('DROP TABLE plugin_detection_inventory.inventory');
  }
}
