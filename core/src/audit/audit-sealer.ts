import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { Transactions } from '../database/transactions.js';
import { AUDIT_KEYS, CONFIG, LOGGER } from '../tokens.js';
import { WHOLE_LOG, type ChainReport } from './audit-chain.js';
import { AuditChainRepository } from './audit-chain.repository.js';
import {
  appendCheckpoint,
  CHECKPOINT_MESSAGE,
  checkpointVerifies,
  lastCheckpointIn,
  readCheckpointFile,
  signCheckpoint,
  type AuditCheckpoint,
  type CheckpointSource,
} from './audit-checkpoints.js';
import type { AuditKeys } from './audit-keys.js';

/**
 * Each second the sealer chains what is new; every 10 s it also looks 10,000 entries back for
 * late commits, and every 5 minutes through the whole log.
 */
function lookbackFor(tick: number): number {
  if (tick % 300 === 0) return WHOLE_LOG;
  return tick % 10 === 0 ? 10_000 : 0;
}

/**
 * Seals new audit entries every second (any instance may run it, one at a time does), anchors
 * the chain's head outside the table every AUDIT_CHECKPOINT_INTERVAL_SECONDS and at shutdown,
 * and verifies the chain.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running?: Promise<void>;
  private ticks = 0;
  private lastCheckpoint?: AuditCheckpoint;
  private lastCheckpointAt = 0;

  constructor(
    private readonly chain: AuditChainRepository,
    private readonly transactions: Transactions,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const file = this.config.AUDIT_CHECKPOINT_FILE;
    if (!file) return;
    // Carry on from the file's newest checkpoint, so a restart still notices a chain cut short.
    const last = await lastCheckpointIn(file).catch((error: unknown) => {
      this.logger.error({ err: error, file }, 'could not read the audit checkpoint file');
      return undefined;
    });
    if (last && checkpointVerifies(this.keys, last)) this.lastCheckpoint = last;
    else if (last) this.logger.error({ file, checkpoint: last }, 'the newest audit checkpoint does not verify');
  }

  @Interval('audit-sealer', 1000)
  async tick(): Promise<void> {
    if (this.running || !this.transactions.available) return;
    this.running = this.sealAndAnchor(lookbackFor(++this.ticks), false);
    await this.running;
    this.running = undefined;
  }

  /** Seals what is pending and notes the head once more before the instance stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.running;
    if (!this.transactions.available) return;
    this.running = this.sealAndAnchor(0, true);
    await this.running;
  }

  /** Seals whatever is pending anywhere in the log, then walks the whole chain. */
  async verify(): Promise<ChainReport> {
    await this.chain.seal(this.keys, 100_000, WHOLE_LOG);
    return this.chain.verify(this.keys, await this.checkpoints());
  }

  private async sealAndAnchor(lookback: number, atShutdown: boolean): Promise<void> {
    try {
      await this.chain.seal(this.keys, 5000, lookback);
      const due = Date.now() - this.lastCheckpointAt >= this.config.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000;
      if (atShutdown || due) await this.checkpoint();
    } catch (error: unknown) {
      this.logger.warn(
        { err: error },
        atShutdown ? 'audit sealing at shutdown failed' : 'audit sealing failed; will retry',
      );
    }
  }

  /**
   * Notes the chain's head, signed, on the log stream and in AUDIT_CHECKPOINT_FILE. Only a
   * chain that still holds the previously noted seal is noted again: a chain cut short or
   * rewritten since is reported (at error level, every interval) and never anchored.
   */
  private async checkpoint(): Promise<void> {
    this.lastCheckpointAt = Date.now();
    const head = await this.chain.head();
    if (!head) return;
    const last = this.lastCheckpoint;
    if (last?.chainSeq === head.chainSeq && last.hash === head.hash) return;
    if (last) {
      const there = head.chainSeq >= last.chainSeq ? await this.chain.sealAt(last.chainSeq) : undefined;
      if (there !== last.hash) {
        const problem =
          head.chainSeq < last.chainSeq
            ? 'the audit chain is shorter than its last checkpoint: its newest entries were removed'
            : 'the audit chain was rewritten since its last checkpoint';
        this.logger.error({ lastCheckpoint: last, head }, `${problem}; no checkpoint written (run audit:verify)`);
        return;
      }
    }
    const checkpoint = signCheckpoint(this.keys, head);
    this.logger.info({ auditCheckpoint: checkpoint }, CHECKPOINT_MESSAGE);
    const file = this.config.AUDIT_CHECKPOINT_FILE;
    if (file) {
      try {
        await appendCheckpoint(file, checkpoint);
      } catch (error: unknown) {
        this.logger.error({ err: error, file }, 'could not append the audit checkpoint');
        return;
      }
    }
    this.lastCheckpoint = checkpoint;
  }

  private async checkpoints(): Promise<CheckpointSource | null> {
    const file = this.config.AUDIT_CHECKPOINT_FILE;
    if (!file) return null;
    return readCheckpointFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return { source: file, checkpoints: [] };
      throw error;
    });
  }
}
