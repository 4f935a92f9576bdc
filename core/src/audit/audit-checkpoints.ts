import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, open, readFile } from 'node:fs/promises';
import type { AuditKeys } from './audit-keys.js';

/**
 * A signed note of the chain's head, kept outside the audited tables (the log stream and, when
 * AUDIT_CHECKPOINT_FILE is set, an append-only file), so that removing the newest entries with
 * their seals, or rewriting the chain, no longer matches what was noted.
 */
export interface AuditCheckpoint {
  /** Position of the newest seal. */
  chainSeq: number;
  /** Its hash. */
  hash: string;
  /** Seals in the table at the time. */
  count: number;
  /** When the checkpoint was made (ISO 8601). */
  at: string;
  /** The AUDIT_SEAL_KEYS key that signed it. */
  keyId: string;
  /** HMAC-SHA-256 of the fields above with that key. */
  hmac: string;
}

/** The message of the log line that carries a checkpoint (as `auditCheckpoint`). */
export const CHECKPOINT_MESSAGE = 'audit checkpoint';

/** The head of the chain: what a checkpoint notes. */
export interface ChainHead {
  chainSeq: number;
  hash: string;
  count: number;
}

export function signCheckpoint(keys: AuditKeys, head: ChainHead, at = new Date()): AuditCheckpoint {
  const unsigned = { chainSeq: head.chainSeq, hash: head.hash, count: head.count, at: at.toISOString() };
  const key = keys.current;
  return { ...unsigned, keyId: key.id, hmac: checkpointHmac(key.secret, { ...unsigned, keyId: key.id }) };
}

/** Whether the checkpoint was signed with one of the keys and not changed since. */
export function checkpointVerifies(keys: AuditKeys, checkpoint: AuditCheckpoint): boolean {
  const key = keys.byId(checkpoint.keyId);
  if (!key) return false;
  const expected = Buffer.from(checkpointHmac(key.secret, checkpoint));
  const given = Buffer.from(checkpoint.hmac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function checkpointHmac(secret: string, c: Omit<AuditCheckpoint, 'hmac'>): string {
  return createHmac('sha256', secret)
    .update(`cop-audit-checkpoint|${c.chainSeq}|${c.hash}|${c.count}|${c.at}|${c.keyId}`)
    .digest('hex');
}

/** One checkpoint read back, with the line it is on. */
export interface CheckpointLine {
  line: number;
  checkpoint: AuditCheckpoint;
}

/** Checkpoints read from a file or a saved log stream. */
export interface CheckpointSource {
  source: string;
  checkpoints: CheckpointLine[];
}

/**
 * The checkpoints in JSON lines: the file's own lines, or the core's log lines (which carry
 * one as `auditCheckpoint`). Other log lines, and a last line cut short by a crash, are skipped.
 */
export function parseCheckpoints(text: string): CheckpointLine[] {
  const found: CheckpointLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return;
    }
    const record = value as Record<string, unknown> | null;
    const candidate = record && typeof record === 'object' ? (record.auditCheckpoint ?? record) : undefined;
    if (isCheckpoint(candidate)) found.push({ line: index + 1, checkpoint: candidate });
  });
  return found;
}

function isCheckpoint(value: unknown): value is AuditCheckpoint {
  const c = value as Partial<AuditCheckpoint> | null | undefined;
  return (
    typeof c === 'object' &&
    c !== null &&
    Number.isSafeInteger(c.chainSeq) &&
    typeof c.hash === 'string' &&
    Number.isSafeInteger(c.count) &&
    typeof c.at === 'string' &&
    typeof c.keyId === 'string' &&
    typeof c.hmac === 'string'
  );
}

export async function readCheckpointFile(path: string): Promise<CheckpointSource> {
  return { source: path, checkpoints: parseCheckpoints(await readFile(path, 'utf8')) };
}

/** Appends one line; the file is opened for appending only, and created readable by its owner alone. */
export async function appendCheckpoint(path: string, checkpoint: AuditCheckpoint): Promise<void> {
  await appendFile(path, `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o600 });
}

/** The newest checkpoint in the file (read from its end), or undefined when there is none yet. */
export async function lastCheckpointIn(path: string): Promise<AuditCheckpoint | undefined> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!file) return undefined;
  try {
    const { size } = await file.stat();
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, size - length);
    return parseCheckpoints(buffer.toString('utf8')).at(-1)?.checkpoint;
  } finally {
    await file.close();
  }
}
