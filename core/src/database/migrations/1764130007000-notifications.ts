import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764130007000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES core.app_user(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        case_id uuid REFERENCES core.case(id) ON DELETE CASCADE,
        urgent boolean NOT NULL DEFAULT false,
        batch_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query('CREATE INDEX notification_inbox_idx ON core.notification (user_id, created_at DESC)');
    await q.query('CREATE INDEX notification_batch_idx ON core.notification (batch_id)');
    await q.query('CREATE INDEX notification_unread_idx ON core.notification (user_id) WHERE read_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.notification');
  }
}
