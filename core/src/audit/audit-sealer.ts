import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../tokens.js';
import { sealAudit, verifyAuditChain, WHOLE_LOG, type ChainReport } from './audit-chain.js';

/**
 * Each second the sealer chains what is new; every 10 s it also looks 10,000 entries back for
 * late commits, and every 5 minutes through the whole log.
 */
function lookbackFor(tick: number): number {
  if (tick % 300 === 0) return WHOLE_LOG;
  return tick % 10 === 0 ? 10_000 : 0;
}

/** Seals new audit entries every second (any instance may run it, one at a time does) and verifies the chain. */
@Injectable()
export class AuditSealer {
  private running = false;
  private ticks = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Interval('audit-sealer', 1000)
  async tick(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = true;
    try {
      await sealAudit(this.dataSource, 5000, lookbackFor(++this.ticks));
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'audit sealing failed; will retry');
    } finally {
      this.running = false;
    }
  }

  /** Seals whatever is pending anywhere in the log, then walks the whole chain. */
  async verify(): Promise<ChainReport> {
    await sealAudit(this.dataSource, 100_000, WHOLE_LOG);
    return verifyAuditChain(this.dataSource);
  }
}
