import { createHash, createHmac } from 'node:crypto';

/** One audit sealing key: the secret, and the id stored with every seal it makes. */
export interface SealKey {
  id: string;
  secret: string;
}

/**
 * The keys that seal the audit chain, from AUDIT_SEAL_KEYS: the first seals (and signs
 * checkpoints), any of them verifies, so a key is rotated by putting the new one first and
 * keeping the old one listed for as long as its seals are to be verified. The keys are never
 * stored in the database; a seal names its key by an id derived from the key (an HMAC of a
 * fixed text, which tells nothing about the key).
 */
export class AuditKeys {
  private readonly byIds: Map<string, SealKey>;

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('at least one audit seal key is needed');
    const keys = secrets.map((secret) => ({ id: keyId(secret), secret }));
    this.byIds = new Map(keys.map((k) => [k.id, k]));
    this.current = keys[0]!;
  }

  /** The key new seals and checkpoints are made with. */
  readonly current: SealKey;

  byId(id: string): SealKey | undefined {
    return this.byIds.get(id);
  }
}

export function keyId(secret: string): string {
  return createHmac('sha256', secret).update('cop-audit-seal-key-id').digest('hex').slice(0, 16);
}

/** A seal: HMAC-SHA-256 with the key over the previous seal, the chain position and the entry's text. */
export function sealHash(key: SealKey, previousHash: string | null, chainSeq: number | string, text: string): string {
  return createHmac('sha256', key.secret)
    .update(`${previousHash ?? ''}|${chainSeq}|${text}`)
    .digest('hex');
}

/**
 * A seal made before the chain was keyed: plain SHA-256 over the same input, which anyone who
 * can write to the database can recompute. Accepted only at the start of the chain, before
 * the first keyed seal (which covers the last of them).
 */
export function legacySealHash(previousHash: string | null, chainSeq: number | string, text: string): string {
  return createHash('sha256')
    .update(`${previousHash ?? ''}|${chainSeq}|${text}`)
    .digest('hex');
}
