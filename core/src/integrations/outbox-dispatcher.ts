import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import type { PgEvents } from '../database/pg-events.js';
import { CONFIG, LOGGER, PG_EVENTS } from '../tokens.js';
import { CerberusOutcomeChannel } from './cerberus/cerberus-outcome.channel.js';
import { OutboxDeliveryRepository, type OutboxRow } from './outbox.repository.js';

/** How an outbound channel settled one delivery. */
export type DeliveryResult = { ok: true } | { ok: false; permanent: boolean; error: string };

/** A place events of some topics are delivered to. */
export interface OutboundChannel {
  topics: string[];
  /** Whether the channel is configured (an unconfigured one leaves its events pending). */
  enabled: boolean;
  deliver(event: OutboxRow): Promise<DeliveryResult>;
}

export const OUTBOX_WAKE_CHANNEL = 'cop_outbox';
const BATCH = 25;

/**
 * Delivers outbox events to their channels: polls (and wakes on NOTIFY), claims with SKIP
 * LOCKED so several instances share the work, retries with exponential backoff and jitter, and
 * dead-letters after the configured attempts.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;
  private stopped = false;
  private readonly channels: OutboundChannel[];

  constructor(
    private readonly outbox: OutboxDeliveryRepository,
    private readonly scheduler: SchedulerRegistry,
    cerberus: CerberusOutcomeChannel,
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.channels = [cerberus];
  }

  async onApplicationBootstrap(): Promise<void> {
    const timer = setInterval(() => void this.drain(), this.config.OUTBOX_POLL_MS);
    timer.unref();
    this.scheduler.addInterval('outbox-dispatcher', timer);
    await this.events.listen(
      OUTBOX_WAKE_CHANNEL,
      () => void this.drain(),
      async () => void (await this.drain()),
    );
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  /** Delivers everything due now; returns how many deliveries were attempted. */
  async drain(): Promise<number> {
    if (this.running || this.stopped) return 0;
    this.running = true;
    let attempted = 0;
    try {
      for (const channel of this.channels.filter((c) => c.enabled)) {
        for (;;) {
          const batch = await this.outbox.claim(channel.topics, BATCH, this.config.OUTBOX_LEASE_MS);
          if (batch.length === 0 || this.stopped) break;
          await Promise.all(batch.map((event) => this.deliverOne(channel, event)));
          attempted += batch.length;
        }
      }
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'outbox drain failed; will retry');
    } finally {
      this.running = false;
    }
    return attempted;
  }

  private async deliverOne(channel: OutboundChannel, event: OutboxRow): Promise<void> {
    const result = await channel.deliver(event).catch((error: unknown): DeliveryResult => ({
      ok: false,
      permanent: false,
      error: error instanceof Error ? error.message : String(error),
    }));
    if (result.ok) {
      await this.outbox.delivered(event.id);
      return;
    }
    const exhausted = result.permanent || event.attempts >= this.config.CERBERUS_MAX_ATTEMPTS;
    await this.outbox.failed(event.id, result.error, exhausted ? null : this.backoff(event.attempts));
    const log = { topic: event.topic, key: event.key, attempt: event.attempts, error: result.error };
    if (exhausted) this.logger.error(log, 'outbound event dead-lettered; an admin can redrive it');
    else this.logger.warn(log, 'outbound delivery failed; will retry');
  }

  /** Exponential backoff with full jitter between half and the whole of the step. */
  private backoff(attempt: number): number {
    const step = Math.min(this.config.OUTBOX_MAX_BACKOFF_MS, this.config.OUTBOX_BASE_BACKOFF_MS * 2 ** (attempt - 1));
    return Math.round(step / 2 + Math.random() * (step / 2));
  }
}
