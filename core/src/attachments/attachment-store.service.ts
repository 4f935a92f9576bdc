import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { ConfigError } from '../config/load-config.js';
import { Transactions } from '../database/transactions.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentStoreUnusableError, S3AttachmentStore } from './s3-attachment-store.js';

/** Files whose bytes one sweep deletes from the store. */
const GONE_BATCH = 100;

/**
 * The configured attachment store's life: checked at boot (an S3 bucket that cannot be used stops
 * the boot naming the setting), said in the log, and emptied of the bytes of files whose rows are
 * gone (core.attachment_bytes_gone), on the attachment timer.
 */
@Injectable()
export class AttachmentStoreService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger: Logger;

  constructor(
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly attachments: AttachmentsRepository,
    private readonly transactions: Transactions,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'attachment-store' });
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.store.check();
    } catch (error: unknown) {
      // The boot stops here (before anything else starts its timers), and Nest calls no shutdown hook then.
      this.onApplicationShutdown();
      if (error instanceof AttachmentStoreUnusableError) throw new ConfigError([error.problem]);
      throw error;
    }
    this.logger.info({ store: this.store.describe() }, `attachment store: ${this.config.ATTACHMENT_STORE}`);
    if (this.config.ATTACHMENT_STORE !== 'postgres' && (await this.attachments.hasChunks()))
      this.logger.warn(
        'files uploaded while ATTACHMENT_STORE was postgres still have their bytes in core.attachment_chunk: they are not read from the S3 store (docs/operations.md, "Attachments")',
      );
  }

  onApplicationShutdown(): void {
    if (this.store instanceof S3AttachmentStore) this.store.destroy();
  }

  /**
   * Deletes from the store the bytes of files that are gone, a batch at a time; the ids stay queued
   * (for the next sweep, by any instance) unless the store deleted them. Returns how many went.
   */
  async removeGone(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const ids = await this.attachments.claimBytesGone(manager, GONE_BATCH);
      for (const id of ids) await this.store.remove(id);
      await this.attachments.forgetBytesGone(manager, ids);
      return ids.length;
    });
  }
}
