import type { DataSource } from 'typeorm';

/** The result of walking the audit chain. */
export interface ChainReport {
  ok: boolean;
  /** Sealed entries checked. */
  checked: number;
  /** Entries written but not yet sealed (normally only the last second's). */
  unsealed: number;
  /** The first entry where the chain breaks. */
  firstBroken?: { chainSeq: number; id: number | null; reason: string };
}

/**
 * Chains entries not sealed yet; only one instance at a time does (advisory lock). It looks at
 * entries above the newest sealed one and `lookback` ids below it, where a transaction that
 * committed late left an entry: 0 for the regular second-by-second seal, more for sweeps.
 */
export async function sealAudit(dataSource: DataSource, batch = 5000, lookback = 0): Promise<number> {
  const rows = (await dataSource.query('SELECT core.seal_audit($1, $2) AS sealed', [batch, lookback])) as {
    sealed: number;
  }[];
  return rows[0]!.sealed;
}

/**
 * Recomputes every hash in chain order and reports the first entry that was altered or
 * removed, or whose seal was (a gap in the sequence or a previous-hash mismatch).
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<ChainReport> {
  const rows = (await dataSource.query(`
    WITH chain AS (
      SELECT s.chain_seq, s.audit_id, s.hash, s.prev_hash, a.id AS present,
             CASE WHEN a.id IS NOT NULL THEN
               encode(sha256(convert_to(coalesce(s.prev_hash, '') || '|' || s.chain_seq || '|' || core.audit_row_text(a), 'UTF8')), 'hex')
             END AS expected,
             lag(s.hash) OVER w AS previous_hash,
             lag(s.chain_seq) OVER w AS previous_seq
        FROM core.audit_seal s LEFT JOIN core.audit a ON a.id = s.audit_id
      WINDOW w AS (ORDER BY s.chain_seq)
    )
    SELECT audit_id AS id, chain_seq,
           CASE WHEN chain_seq <> coalesce(previous_seq, 0) + 1 THEN 'entries before this one are missing'
                WHEN present IS NULL THEN 'this entry was removed'
                WHEN prev_hash IS DISTINCT FROM previous_hash THEN 'the previous entry was changed or removed'
                ELSE 'this entry was changed after it was written' END AS reason
      FROM chain
     WHERE present IS NULL OR hash <> expected OR prev_hash IS DISTINCT FROM previous_hash OR chain_seq <> coalesce(previous_seq, 0) + 1
     ORDER BY chain_seq LIMIT 1`)) as { id: string; chain_seq: string; reason: string }[];
  const counts = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM core.audit_seal) AS sealed,
            (SELECT count(*)::int FROM core.audit a WHERE NOT EXISTS (SELECT 1 FROM core.audit_seal s WHERE s.audit_id = a.id)) AS unsealed`,
  )) as { sealed: number; unsealed: number }[];
  const broken = rows[0];
  return {
    ok: !broken,
    checked: counts[0]!.sealed,
    unsealed: counts[0]!.unsealed,
    ...(broken
      ? { firstBroken: { chainSeq: Number(broken.chain_seq), id: Number(broken.id), reason: broken.reason } }
      : {}),
  };
}

/** Lookback that covers the whole log. */
export const WHOLE_LOG = Number.MAX_SAFE_INTEGER;
