import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateEvent1764201000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_event_at_border.event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        business_key text NOT NULL,
        event_at timestamptz NOT NULL,
        port_id text NOT NULL,
        terminal text,
        transport_mode text NOT NULL,
        outcome text NOT NULL,
        concealment_method text,
        detection_method text,
        persons_count integer NOT NULL,
        vehicle_registration text,
        target_reference text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_event_case_id" ON plugin_event_at_border.event (case_id)');
    await q.query('CREATE INDEX "IDX_event_port_id" ON plugin_event_at_border.event (port_id)');
    await q.query(`
      CREATE TABLE plugin_event_at_border.event_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        line integer NOT NULL,
        item_id text NOT NULL,
        quantity numeric(14,3) NOT NULL,
        unit_id text NOT NULL
      )`);
    await q.query('CREATE INDEX "IDX_event_item_case_id" ON plugin_event_at_border.event_item (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_event_at_border.event_item');
    await q.query('DROP TABLE plugin_event_at_border.event');
  }
}
