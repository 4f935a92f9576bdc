import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teams a user may start a shift on besides their home team: standing memberships, and covers a
 * manager grants for a limited time. A shift team outside these grants nothing.
 */
export class TeamCover1764130080000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.team_cover (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES core.app_user(id) ON DELETE CASCADE,
        team_id text NOT NULL,
        kind text NOT NULL,
        reason text NOT NULL,
        granted_by uuid REFERENCES core.app_user(id) ON DELETE SET NULL,
        valid_from timestamptz NOT NULL DEFAULT now(),
        valid_to timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES core.app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT team_cover_kind_check CHECK (kind IN ('member', 'cover')),
        CONSTRAINT team_cover_period_check CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT team_cover_ends_check CHECK (kind = 'member' OR valid_to IS NOT NULL)
      )`);
    await q.query('CREATE INDEX team_cover_user_idx ON core.team_cover (user_id)');
    await q.query('CREATE INDEX team_cover_team_idx ON core.team_cover (team_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.team_cover');
  }
}
