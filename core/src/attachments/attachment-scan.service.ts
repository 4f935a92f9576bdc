import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { AuditRepository } from '../audit/audit.repository.js';
import type { EnvConfig } from '../config/env.config.js';
import { Transactions } from '../database/transactions.js';
import { NotificationHub } from '../notifications/notification-hub.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { ATTACHMENT_STORE, type AttachmentStore } from './attachment-store.js';
import { AttachmentStoreService } from './attachment-store.service.js';
import type { AttachmentRecord } from './attachment.types.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { ScannerUnavailableError } from './clamd-client.js';
import { VirusScanner } from './virus-scanner.js';

/** What one scan came to. */
export type ScanOutcome = { status: 'clean' } | { status: 'infected'; signature: string } | { status: 'pending' };

const BATCH = 10;

/**
 * Scans stored files with clamd. A file is scanned as soon as its upload is stored; when clamd
 * cannot be reached it stays pending (quarantined: never downloadable, never in a PDF) and is
 * tried again on a timer, with a growing delay, by whichever instance claims it first. A file
 * found infected later is removed and its officer told in their inbox. The same timer sweeps
 * abandoned uploads and deletes the bytes of files that are gone from the store.
 */
@Injectable()
export class AttachmentScanService implements OnApplicationBootstrap {
  private running = false;
  private readonly logger: Logger;

  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly transactions: Transactions,
    private readonly audits: AuditRepository,
    private readonly notifications: NotificationsRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly scanner: VirusScanner,
    private readonly stores: AttachmentStoreService,
    private readonly scheduler: SchedulerRegistry,
    private readonly hub: NotificationHub,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'attachment-scan' });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.scanner.configured) {
      this.logger.warn(
        'no virus scanner configured (CLAMD_SOCKET, or CLAMD_HOST and CLAMD_PORT): uploaded files are kept and marked "not scanned"',
      );
    } else if (await this.scanner.ping()) {
      this.logger.info({ clamd: this.scanner.describe() }, 'virus scanner ready');
    } else {
      this.logger.warn(
        { clamd: this.scanner.describe() },
        'virus scanner not answering: uploads wait, quarantined, until it does',
      );
    }
    const timer = setInterval(() => void this.retryDue(), this.config.ATTACHMENT_SCAN_RETRY_MS);
    timer.unref();
    this.scheduler.addInterval('attachment-scan-retry', timer);
  }

  /** Scans a stored, pending file now and records the verdict; `pending` when clamd gave none. */
  async scan(record: AttachmentRecord): Promise<ScanOutcome> {
    try {
      const verdict = await this.scanner.scan(this.store.read(record.id));
      if (!verdict.infected) {
        await this.attachments.recordVerdict(record.id, { status: 'clean' });
        return { status: 'clean' };
      }
      await this.attachments.recordVerdict(record.id, { status: 'infected', signature: verdict.signature });
      this.logger.warn({ attachmentId: record.id, signature: verdict.signature }, 'uploaded file is infected');
      return { status: 'infected', signature: verdict.signature };
    } catch (error: unknown) {
      if (!(error instanceof ScannerUnavailableError)) throw error;
      const delay = this.config.ATTACHMENT_SCAN_RETRY_MS * 2 ** Math.min(record.scanAttempts, 5);
      await this.attachments.postponeScan(record.id, delay);
      this.logger.warn({ attachmentId: record.id, err: error.message, retryInMs: delay }, 'file waits for the scanner');
      return { status: 'pending' };
    }
  }

  /** Scans files whose retry is due; stops at the first that finds clamd still down. Returns how many got a verdict. */
  async retryDue(): Promise<number> {
    if (this.running || !this.transactions.available) return 0;
    this.running = true;
    let done = 0;
    try {
      await this.attachments.sweepAbandoned();
      await this.stores.removeGone();
      if (!this.scanner.configured) return 0;
      const lease = Math.max(2 * this.config.CLAMD_TIMEOUT_MS, 60_000);
      const due = await this.attachments.claimDueScans(BATCH, lease);
      for (const [i, record] of due.entries()) {
        const outcome = await this.scan(record);
        if (outcome.status === 'pending') {
          await this.attachments.releaseScans(due.slice(i + 1).map((later) => later.id));
          break;
        }
        done++;
        await this.audit(record, outcome);
        if (outcome.status === 'infected') await this.tellUploader(record, outcome.signature);
      }
    } catch (error: unknown) {
      this.logger.error({ err: error }, 'scan retry failed');
    } finally {
      this.running = false;
    }
    return done;
  }

  private async audit(record: AttachmentRecord, outcome: ScanOutcome): Promise<void> {
    await this.audits.append(undefined, [
      {
        actorId: null,
        actor: 'system:virus-scan',
        action: outcome.status === 'infected' ? 'attachment.infected' : 'attachment.scanned',
        entityType: 'attachment',
        entityId: record.id,
        caseId: record.caseId,
        detail: {
          name: record.name,
          status: outcome.status,
          ...('signature' in outcome ? { signature: outcome.signature } : {}),
        },
      },
    ]);
  }

  private async tellUploader(record: AttachmentRecord, signature: string): Promise<void> {
    const { batchId } = await this.transactions.run((manager) =>
      this.notifications.toAudience(
        manager,
        { userIds: [record.uploadedBy] },
        {
          kind: 'attachment.infected',
          title: `${record.name} contains a virus`,
          body: `${record.name} was found to contain a virus (${signature}) and has been removed. Upload a different file.`,
          caseId: record.caseId,
          urgent: false,
        },
      ),
    );
    this.hub.publish(batchId);
  }
}
