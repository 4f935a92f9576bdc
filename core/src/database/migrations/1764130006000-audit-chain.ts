import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit hash chain, in the database. Entries are written inside each action's transaction
 * and never updated; `core.seal_audit` then appends a seal per entry to core.audit_seal, in
 * the order entries become visible, each hash covering the previous hash and the entry. Writers
 * never queue behind a chain head, and the audit rows themselves are never rewritten. Triggers
 * refuse updates and deletes of both tables, so only someone bypassing triggers can tamper —
 * and the chain then shows where.
 */
export class AuditChain1764130006000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE core.audit_seal (
        chain_seq bigint PRIMARY KEY,
        audit_id bigint NOT NULL UNIQUE,
        prev_hash text,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION core.audit_row_text(a core.audit) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.actor_id, a.actor,
          a.action, a.entity_type, a.entity_id, a.case_id, a.ip, a.detail::text)
      $$`);
    // Seals entries not sealed yet among the `lookback` ids below the newest sealed one and all
    // above it (a late-committing transaction's entry is still found); a full sweep passes a
    // large lookback. Hashes are computed in order, then written with one INSERT.
    await q.query(`
      CREATE FUNCTION core.seal_audit(batch integer, lookback bigint) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
        r core.audit;
        ids bigint[] := '{}';
        seqs bigint[] := '{}';
        prevs text[] := '{}';
        hashes text[] := '{}';
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('cop-audit-sealer')) THEN
          RETURN 0;
        END IF;
        SELECT chain_seq, hash INTO last_seq, last_hash FROM core.audit_seal ORDER BY chain_seq DESC LIMIT 1;
        last_seq := coalesce(last_seq, 0);
        FOR r IN
          SELECT a.* FROM core.audit a
           WHERE a.id > coalesce((SELECT max(audit_id) FROM core.audit_seal), 0) - lookback
             AND NOT EXISTS (SELECT 1 FROM core.audit_seal s WHERE s.audit_id = a.id)
           ORDER BY a.id LIMIT batch
        LOOP
          last_seq := last_seq + 1;
          ids := ids || r.id;
          seqs := seqs || last_seq;
          prevs := prevs || last_hash;
          last_hash := encode(sha256(convert_to(coalesce(last_hash, '') || '|' || last_seq || '|' || core.audit_row_text(r), 'UTF8')), 'hex');
          hashes := hashes || last_hash;
        END LOOP;
        INSERT INTO core.audit_seal (chain_seq, audit_id, prev_hash, hash) SELECT * FROM unnest(seqs, ids, prevs, hashes);
        RETURN coalesce(array_length(ids, 1), 0);
      END $$`);
    await q.query(`
      CREATE FUNCTION core.audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON core.audit FOR EACH ROW EXECUTE FUNCTION core.audit_guard()`,
    );
    await q.query(
      `CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON core.audit_seal FOR EACH ROW EXECUTE FUNCTION core.audit_guard()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER audit_seal_append_only ON core.audit_seal');
    await q.query('DROP TRIGGER audit_append_only ON core.audit');
    await q.query('DROP FUNCTION core.audit_guard()');
    await q.query('DROP FUNCTION core.seal_audit(integer, bigint)');
    await q.query('DROP FUNCTION core.audit_row_text(core.audit)');
    await q.query('DROP TABLE core.audit_seal');
  }
}
