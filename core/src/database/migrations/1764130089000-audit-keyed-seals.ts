import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit seals become keyed: an HMAC with a key from AUDIT_SEAL_KEYS, which the database never
 * holds, computed by the core (core/src/audit/audit-chain.ts) instead of `core.seal_audit`,
 * whose unkeyed SHA-256 anyone with write access could recompute. Each seal names its key
 * (`key_id`), so keys can be rotated. Seals made before (`key_id` NULL) stay as they are, since
 * the table is append-only: they are accepted only at the start of the chain, up to the first
 * keyed seal, which covers the last of them. So that a keyed seal follows them even on a
 * quiet system, the upgrade itself is recorded as an audit entry, sealed with the key at once.
 */
export class AuditKeyedSeals1764130089000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.audit_seal ADD COLUMN key_id text');
    await q.query('DROP FUNCTION core.seal_audit(integer, bigint)');
    await q.query(`
      INSERT INTO core.audit (actor, action, entity_type, entity_id, detail)
      SELECT 'system', 'audit.keyed-sealing-started', 'audit-chain', 'core.audit_seal',
             jsonb_build_object('unkeyedSeals', count(*), 'lastUnkeyedPosition', max(chain_seq))
        FROM core.audit_seal HAVING count(*) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
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
    await q.query('ALTER TABLE core.audit_seal DROP COLUMN key_id');
  }
}
