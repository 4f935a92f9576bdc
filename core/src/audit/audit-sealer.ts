import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../tokens.js';
import { sealAudit } from './audit-chain.js';

/** Seals new audit entries every second; any instance may run it, one at a time does. */
@Injectable()
export class AuditSealer {
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Interval('audit-sealer', 1000)
  async tick(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = true;
    try {
      await sealAudit(this.dataSource);
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'audit sealing failed; will retry');
    } finally {
      this.running = false;
    }
  }
}
