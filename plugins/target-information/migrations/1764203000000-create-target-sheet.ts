import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

const S = 'plugin_target_information';

export class CreateTargetSheet1764203000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ${S}.target_sheet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        target_id text NOT NULL,
        target_version integer NOT NULL,
        transport_mode text NOT NULL,
        issuing_hub_id text NOT NULL,
        category text NOT NULL,
        port_id text NOT NULL,
        eta timestamptz NOT NULL,
        vessel_name text,
        flight_number text,
        vehicle_registration text,
        trailer_registration text,
        warnings text[] NOT NULL,
        indicators text[] NOT NULL,
        receiving_team_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_target_sheet_case_id" ON ${S}.target_sheet (case_id)`);
    await q.query(`CREATE INDEX "IDX_target_sheet_receiving_team_id" ON ${S}.target_sheet (receiving_team_id)`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_target_sheet_target_version" ON ${S}.target_sheet (target_id, target_version)`,
    );
    await q.query(`
      CREATE TABLE ${S}.target_person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        line integer NOT NULL,
        role text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        nationality text NOT NULL,
        document_type text,
        document_number text
      )`);
    await q.query(`CREATE INDEX "IDX_target_person_case_id" ON ${S}.target_person (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${S}.target_person`);
    await q.query(`DROP TABLE ${S}.target_sheet`);
  }
}
