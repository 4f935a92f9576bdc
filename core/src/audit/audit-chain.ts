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

/** Links unsealed entries into the chain; only one instance at a time does (advisory lock). */
export async function sealAudit(dataSource: DataSource, batch = 5000): Promise<number> {
  const rows = (await dataSource.query('SELECT core.seal_audit($1) AS sealed', [batch])) as { sealed: number }[];
  return rows[0]!.sealed;
}

/**
 * Recomputes every hash in chain order and reports the first entry that was altered, or whose
 * predecessor was deleted (a gap in the sequence or a previous-hash mismatch).
 */
export async function verifyAuditChain(dataSource: DataSource): Promise<ChainReport> {
  const rows = (await dataSource.query(`
    WITH chain AS (
      SELECT a.id, a.chain_seq, a.hash, a.prev_hash,
             encode(sha256(convert_to(coalesce(a.prev_hash, '') || '|' || a.chain_seq || '|' || core.audit_row_text(a), 'UTF8')), 'hex') AS expected,
             lag(a.hash) OVER w AS previous_hash,
             lag(a.chain_seq) OVER w AS previous_seq
        FROM core.audit a WHERE a.chain_seq IS NOT NULL
      WINDOW w AS (ORDER BY a.chain_seq)
    )
    SELECT id, chain_seq,
           CASE WHEN chain_seq <> coalesce(previous_seq, 0) + 1 THEN 'entries before this one are missing'
                WHEN prev_hash IS DISTINCT FROM previous_hash THEN 'the previous entry was changed or removed'
                ELSE 'this entry was changed after it was written' END AS reason
      FROM chain
     WHERE hash <> expected OR prev_hash IS DISTINCT FROM previous_hash OR chain_seq <> coalesce(previous_seq, 0) + 1
     ORDER BY chain_seq LIMIT 1`)) as { id: string; chain_seq: string; reason: string }[];
  const counts = (await dataSource.query(
    'SELECT count(*) FILTER (WHERE chain_seq IS NOT NULL)::int AS sealed, count(*) FILTER (WHERE chain_seq IS NULL)::int AS unsealed FROM core.audit',
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
