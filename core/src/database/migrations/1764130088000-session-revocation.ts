import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions that can be ended before their access tokens expire. Every refresh token
 * belongs to a family, the sign-in session it descends from (`session_id`, also the `sid` claim
 * of the session's access tokens). A refresh token is marked consumed instead of deleted, so a
 * second use is recognised as reuse and the whole family is revoked. Revoked sessions are
 * listed in `core.session_revocation` until their last access token has expired; every core
 * instance keeps that short list in memory. Refresh tokens issued before this migration each
 * become a family of their own.
 */
export class SessionRevocation1764130088000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // A volatile default is evaluated per existing row; new rows always name their session.
    await q.query('ALTER TABLE core.refresh_token ADD COLUMN session_id uuid NOT NULL DEFAULT gen_random_uuid()');
    await q.query('ALTER TABLE core.refresh_token ALTER COLUMN session_id DROP DEFAULT');
    await q.query('ALTER TABLE core.refresh_token ADD COLUMN consumed_at timestamptz');
    await q.query('CREATE INDEX refresh_token_session_idx ON core.refresh_token (session_id)');
    await q.query(`
      CREATE TABLE core.session_revocation (
        session_id uuid PRIMARY KEY,
        user_id uuid,
        reason text NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX session_revocation_expires_idx ON core.session_revocation (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.session_revocation');
    await q.query('DROP INDEX core.refresh_token_session_idx');
    await q.query('ALTER TABLE core.refresh_token DROP COLUMN consumed_at');
    await q.query('ALTER TABLE core.refresh_token DROP COLUMN session_id');
  }
}
