import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit hash chain, in the database: entries are written unsealed inside each action's
 * transaction (no queue behind a global lock), then `core.seal_audit` links them in commit-visible
 * order, each hash covering the previous hash and the entry. A trigger refuses updates to
 * sealed content and all deletes, so only someone bypassing triggers can tamper — and the
 * chain then shows where.
 */
export class AuditChain1764130006000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION core.audit_row_text(a core.audit) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws('|', a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.actor_id, a.actor,
          a.action, a.entity_type, a.entity_id, a.case_id, a.ip, a.detail::text)
      $$`);
    // Hashes are computed one after another (each covers the previous), then written in one
    // set-based UPDATE: sealing a second's entries costs one statement, not one per entry.
    await q.query(`
      CREATE FUNCTION core.seal_audit(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
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
        SELECT chain_seq, hash INTO last_seq, last_hash FROM core.audit WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        last_seq := coalesce(last_seq, 0);
        FOR r IN SELECT * FROM core.audit WHERE hash IS NULL ORDER BY id LIMIT batch LOOP
          last_seq := last_seq + 1;
          ids := ids || r.id;
          seqs := seqs || last_seq;
          prevs := prevs || last_hash;
          last_hash := encode(sha256(convert_to(coalesce(last_hash, '') || '|' || last_seq || '|' || core.audit_row_text(r), 'UTF8')), 'hex');
          hashes := hashes || last_hash;
        END LOOP;
        UPDATE core.audit a SET chain_seq = u.seq, prev_hash = u.prev, hash = u.hash
          FROM unnest(ids, seqs, prevs, hashes) AS u(id, seq, prev, hash) WHERE a.id = u.id;
        RETURN coalesce(array_length(ids, 1), 0);
      END $$`);
    // Sealing only fills the chain columns of an unsealed entry; anything else is refused.
    await q.query(`
      CREATE FUNCTION core.audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'the audit log is append-only';
        END IF;
        IF OLD.hash IS NOT NULL
           OR (OLD.id, OLD.at, OLD.actor_id, OLD.actor, OLD.action, OLD.entity_type, OLD.entity_id, OLD.case_id, OLD.ip, OLD.detail)
              IS DISTINCT FROM (NEW.id, NEW.at, NEW.actor_id, NEW.actor, NEW.action, NEW.entity_type, NEW.entity_id, NEW.case_id, NEW.ip, NEW.detail) THEN
          RAISE EXCEPTION 'the audit log is append-only';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON core.audit FOR EACH ROW EXECUTE FUNCTION core.audit_guard()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER audit_append_only ON core.audit');
    await q.query('DROP FUNCTION core.audit_guard()');
    await q.query('DROP FUNCTION core.seal_audit(integer)');
    await q.query('DROP FUNCTION core.audit_row_text(core.audit)');
  }
}
