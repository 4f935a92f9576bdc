import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditOutbox1764130005000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Append-only: written in the action's transaction and never changed; the sealer chains
    // entries (each hash covering the previous) in core.audit_seal shortly after commit.
    await q.query(`
      CREATE TABLE core.audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        case_id uuid,
        ip text,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query('CREATE INDEX audit_case_idx ON core.audit (case_id, id) WHERE case_id IS NOT NULL');
    await q.query(`
      CREATE TABLE core.outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text NOT NULL,
        payload jsonb NOT NULL,
        case_id uuid,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        last_error text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON core.outbox (topic, available_at, id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE core.outbox');
    await q.query('DROP TABLE core.audit');
  }
}
