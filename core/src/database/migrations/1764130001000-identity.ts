import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764130001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text,
        roles text[] NOT NULL DEFAULT '{}',
        team_id text,
        grade text,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        shift_team_id text,
        shift_location text,
        shift_started_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE core.refresh_token (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES core.app_user(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX refresh_token_user_idx ON core.refresh_token (user_id)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.refresh_token');
    await q.query('DROP TABLE core.app_user');
  }
}
