import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chainHead, sealAt, sealAudit, verifyAuditChain, type ChainReport } from './audit-chain.js';
import type { ChainHead, CheckpointSource } from './audit-checkpoints.js';
import type { AuditKeys } from './audit-keys.js';

/**
 * The audit hash chain (core.audit_seal) for the sealer: the statements and the hashing are in
 * audit-chain.ts, which `npm run audit:verify` runs on its own connection too.
 */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seals up to `batch` pending entries, looking `lookback` ids below the head; returns how many. */
  seal(keys: AuditKeys, batch: number, lookback: number): Promise<number> {
    return sealAudit(this.dataSource, keys, batch, lookback);
  }

  head(): Promise<ChainHead | undefined> {
    return chainHead(this.dataSource);
  }

  sealAt(chainSeq: number): Promise<string | undefined> {
    return sealAt(this.dataSource, chainSeq);
  }

  verify(keys: AuditKeys, checkpoints: CheckpointSource | null): Promise<ChainReport> {
    return verifyAuditChain(this.dataSource, keys, checkpoints);
  }
}
