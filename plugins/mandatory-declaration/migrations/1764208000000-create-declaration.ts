import type { PluginMigration } from '../../../core/src/sdk/index.js';
import type { QueryRunner } from 'typeorm';

export class CreateDeclaration1764208000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plugin_mandatory_declaration.declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        declaration_type text NOT NULL,
        grade_id text NOT NULL,
        team_id text NOT NULL,
        declared_topics text[] NOT NULL,
        needs_review boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX "IDX_declaration_case_id" ON plugin_mandatory_declaration.declaration (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plugin_mandatory_declaration.declaration');
  }
}
