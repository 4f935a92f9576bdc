import type { DataSource } from 'typeorm';
import { checkpointVerifies, type ChainHead, type CheckpointSource } from './audit-checkpoints.js';
import { legacySealHash, sealHash, type AuditKeys } from './audit-keys.js';

/** Which check found the chain broken. */
export type BrokenCheck =
  /** Seals are missing before this position. */
  | 'sequence'
  /** The sealed entry is gone. */
  | 'entry'
  /** The seal does not follow from the one before it. */
  | 'link'
  /** The seal does not match the entry with the key (or is unkeyed where it may not be). */
  | 'seal'
  /** The seal names a key that is not configured. */
  | 'key'
  /** A checkpoint kept outside the table does not match it (truncated, rewritten, or a forged checkpoint). */
  | 'checkpoint';

/** The result of walking the audit chain. */
export interface ChainReport {
  ok: boolean;
  /** Sealed entries checked. */
  checked: number;
  /** Entries written but not yet sealed (normally only the last second's). */
  unsealed: number;
  /** Seals made before the chain was keyed (plain SHA-256), at its start. */
  legacy: number;
  /** The checkpoints compared with the table: where from, how many, the newest. */
  checkpoints: { source: string | null; read: number; newest: { chainSeq: number; at: string } | null };
  /** The first place where the chain breaks. */
  firstBroken?: { chainSeq: number; id: number | null; check: BrokenCheck; reason: string };
}

/** The words `audit:verify` puts before a broken check's reason. */
export const CHECK_LABELS: Record<BrokenCheck, string> = {
  sequence: 'missing seals',
  entry: 'missing entry',
  link: 'broken link',
  seal: 'seal mismatch',
  key: 'unknown key',
  checkpoint: 'checkpoint mismatch',
};

/**
 * Chains entries not sealed yet; only one instance at a time does (advisory lock). It looks at
 * entries above the newest sealed one and `lookback` ids below it, where a transaction that
 * committed late left an entry: 0 for the regular second-by-second seal, more for sweeps.
 * Each seal is an HMAC with the current key (which the database never sees) over the previous
 * seal, the chain position and the entry's canonical text (`core.audit_row_text`).
 */
export async function sealAudit(dataSource: DataSource, keys: AuditKeys, batch = 5000, lookback = 0): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [lock] = (await manager.query(
      "SELECT pg_try_advisory_xact_lock(hashtext('cop-audit-sealer')) AS locked",
    )) as { locked: boolean }[];
    if (!lock?.locked) return 0;
    const [head] = (await manager.query(
      'SELECT chain_seq::text AS seq, hash FROM core.audit_seal ORDER BY chain_seq DESC LIMIT 1',
    )) as { seq: string; hash: string }[];
    const pending = (await manager.query(
      `SELECT a.id::text AS id, core.audit_row_text(a) AS text FROM core.audit a
        WHERE a.id > coalesce((SELECT max(audit_id) FROM core.audit_seal), 0) - $2::bigint
          AND NOT EXISTS (SELECT 1 FROM core.audit_seal s WHERE s.audit_id = a.id)
        ORDER BY a.id LIMIT $1`,
      [batch, String(lookback)],
    )) as { id: string; text: string }[];
    if (pending.length === 0) return 0;
    const key = keys.current;
    let seq = BigInt(head?.seq ?? 0);
    let previous: string | null = head?.hash ?? null;
    const seqs: string[] = [];
    const prevs: (string | null)[] = [];
    const hashes: string[] = [];
    for (const entry of pending) {
      seq += 1n;
      const hash = sealHash(key, previous, seq.toString(), entry.text);
      seqs.push(seq.toString());
      prevs.push(previous);
      hashes.push(hash);
      previous = hash;
    }
    await manager.query(
      `INSERT INTO core.audit_seal (chain_seq, audit_id, prev_hash, hash, key_id)
       SELECT seq, id, prev, hash, $5 FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS t(seq, id, prev, hash)`,
      [seqs, pending.map((p) => p.id), prevs, hashes, key.id],
    );
    return pending.length;
  });
}

/** The newest seal and how many there are, for a checkpoint; undefined while nothing is sealed. */
export async function chainHead(dataSource: DataSource): Promise<ChainHead | undefined> {
  const [row] = (await dataSource.query(
    `SELECT chain_seq AS "chainSeq", hash, (SELECT count(*)::int FROM core.audit_seal) AS count
       FROM core.audit_seal ORDER BY chain_seq DESC LIMIT 1`,
  )) as { chainSeq: string; hash: string; count: number }[];
  return row ? { chainSeq: Number(row.chainSeq), hash: row.hash, count: row.count } : undefined;
}

/** The hash of the seal at a chain position, or undefined when there is none. */
export async function sealAt(dataSource: DataSource, chainSeq: number): Promise<string | undefined> {
  const [row] = (await dataSource.query('SELECT hash FROM core.audit_seal WHERE chain_seq = $1', [chainSeq])) as {
    hash: string;
  }[];
  return row?.hash;
}

const PAGE = 10_000;

interface SealRow {
  seq: string;
  id: string;
  prevHash: string | null;
  hash: string;
  keyId: string | null;
  text: string | null;
}

/**
 * Walks the chain in order, recomputing every seal with the keys, and reports the first entry
 * that was altered or removed, or whose seal was (a gap, a link or seal mismatch, an unkeyed
 * seal where only keyed ones may be). Then compares the checkpoints, when given: a checkpoint
 * beyond the end of the table means the newest entries were removed with their seals; one
 * whose position holds another hash means the chain was rewritten from there.
 */
export async function verifyAuditChain(
  dataSource: DataSource,
  keys: AuditKeys,
  checkpoints: CheckpointSource | null = null,
): Promise<ChainReport> {
  const [counts] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM core.audit a WHERE NOT EXISTS (SELECT 1 FROM core.audit_seal s WHERE s.audit_id = a.id)) AS unsealed`,
  )) as { unsealed: number }[];
  const report: ChainReport = {
    ok: true,
    checked: 0,
    unsealed: counts!.unsealed,
    legacy: 0,
    checkpoints: { source: checkpoints?.source ?? null, read: 0, newest: null },
  };
  const broken = (chainSeq: number, id: number | null, check: BrokenCheck, reason: string): ChainReport => ({
    ...report,
    ok: false,
    firstBroken: { chainSeq, id, check, reason },
  });

  // Checkpoints first: one that does not verify is itself a sign of tampering.
  const expected = new Map<number, { hash: string; at: string }[]>();
  let newest: { chainSeq: number; at: string } | null = null;
  for (const { line, checkpoint } of checkpoints?.checkpoints ?? []) {
    if (!checkpointVerifies(keys, checkpoint))
      return broken(
        checkpoint.chainSeq,
        null,
        'checkpoint',
        `the checkpoint on line ${line} of ${checkpoints!.source} does not verify with AUDIT_SEAL_KEYS (edited, forged, or signed with a key no longer listed)`,
      );
    report.checkpoints.read++;
    const noted = expected.get(checkpoint.chainSeq) ?? [];
    noted.push({ hash: checkpoint.hash, at: checkpoint.at });
    expected.set(checkpoint.chainSeq, noted);
    if (!newest || checkpoint.chainSeq > newest.chainSeq) newest = { chainSeq: checkpoint.chainSeq, at: checkpoint.at };
  }
  report.checkpoints.newest = newest;

  let previousSeq = 0n;
  let previousHash: string | null = null;
  let keyed = false;
  for (;;) {
    const rows = (await dataSource.query(
      `SELECT s.chain_seq::text AS seq, s.audit_id::text AS id, s.prev_hash AS "prevHash", s.hash, s.key_id AS "keyId",
              CASE WHEN a.id IS NOT NULL THEN core.audit_row_text(a) END AS text
         FROM core.audit_seal s LEFT JOIN core.audit a ON a.id = s.audit_id
        WHERE s.chain_seq > $1::bigint ORDER BY s.chain_seq LIMIT ${PAGE}`,
      [previousSeq.toString()],
    )) as SealRow[];
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const at = Number(row.seq);
      const id = Number(row.id);
      if (seq !== previousSeq + 1n) return broken(at, id, 'sequence', 'entries before this one are missing');
      if (row.text === null) return broken(at, id, 'entry', 'this entry was removed');
      if (row.prevHash !== previousHash) return broken(at, id, 'link', 'the previous entry was changed or removed');
      let recomputed: string;
      if (row.keyId === null) {
        if (keyed)
          return broken(
            at,
            id,
            'seal',
            'this seal has no key but follows keyed seals: it was recomputed by someone without the key',
          );
        recomputed = legacySealHash(previousHash, row.seq, row.text);
        report.legacy++;
      } else {
        const key = keys.byId(row.keyId);
        if (!key)
          return broken(
            at,
            id,
            'key',
            `sealed with key ${row.keyId}, which is not among AUDIT_SEAL_KEYS (keep a retired key listed while its seals are verified)`,
          );
        recomputed = sealHash(key, previousHash, row.seq, row.text);
        keyed = true;
      }
      if (recomputed !== row.hash) return broken(at, id, 'seal', 'this entry was changed after it was written');
      const noted = expected.get(at)?.find((n) => n.hash !== row.hash);
      if (noted)
        return broken(
          at,
          id,
          'checkpoint',
          `rewritten: the seal at chain position ${at} is not the one the checkpoint of ${noted.at} noted`,
        );
      report.checked++;
      previousSeq = seq;
      previousHash = row.hash;
    }
    if (rows.length < PAGE) break;
  }
  const end = Number(previousSeq);
  if (report.legacy > 0 && !keyed)
    return broken(
      end,
      null,
      'seal',
      'every seal is unkeyed, so anyone could have recomputed them: no keyed seal anchors the chain (start the core with AUDIT_SEAL_KEYS to seal the entry the upgrade wrote)',
    );
  if (newest && newest.chainSeq > end)
    return broken(
      newest.chainSeq,
      null,
      'checkpoint',
      `truncated: checkpoint at chain position ${newest.chainSeq} (${newest.at}) but the table ends at ${end}`,
    );
  return report;
}

/** Lookback that covers the whole log. */
export const WHOLE_LOG = Number.MAX_SAFE_INTEGER;
