import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import type { PgEvents } from '../database/pg-events.js';
import { CONFIG, LOGGER, PG_EVENTS } from '../tokens.js';
import { CerberusOutcomeChannel } from './cerberus/cerberus-outcome.channel.js';
import { OutboxDeliveryRepository, type ClaimedRow, type OutboxRow, type QueueFigures } from './outbox.repository.js';

/** How an outbound channel settled one delivery. */
export type DeliveryResult = { ok: true } | { ok: false; permanent: boolean; error: string };

/** A place events of some topics are delivered to. */
export interface OutboundChannel {
  /** Names the channel in logs and the ops figures. */
  name: string;
  topics: string[];
  /** Whether the channel is configured (an unconfigured one leaves its events pending). */
  enabled: boolean;
  deliver(event: OutboxRow): Promise<DeliveryResult>;
}

export const OUTBOX_WAKE_CHANNEL = 'cop_outbox';
const BATCH = 25;
/** While a circuit stays open, the outage is logged again this often (an alert line). */
const OUTAGE_LOG_MS = 5 * 60_000;

/** This instance's circuit to one channel's receiver. */
interface Circuit {
  /** Transient failures in a row. */
  failures: number;
  /** Epoch ms the circuit opened at; undefined while closed. */
  openedAt?: number;
  lastProbeAt: number;
  lastLoggedAt: number;
}

/** A channel as the ops figures show it. */
export interface ChannelFigures extends QueueFigures {
  channel: string;
  circuit: 'open' | 'closed';
  /** When this instance's circuit opened (null while closed). */
  circuitOpenedAt: string | null;
  consecutiveFailures: number;
  /** Whether someone should look: the circuit is open, an event is dead, or one has waited over 15 minutes. */
  alert: boolean;
}

/**
 * Delivers outbox events to their channels: polls (and wakes on NOTIFY), claims with SKIP
 * LOCKED so several instances share the work, retries with exponential backoff and jitter
 * (capped at OUTBOX_MAX_BACKOFF_MS), and dead-letters an event only when its receiver refused
 * it, or nothing got through for CERBERUS_RETRY_HORIZON_SECONDS (24 h), or after
 * CERBERUS_MAX_ATTEMPTS when that is set.
 *
 * After CERBERUS_CIRCUIT_FAILURES transient failures in a row the channel's circuit opens: no
 * batches are sent, and every CERBERUS_PROBE_INTERVAL_MS one waiting event (the oldest, whatever
 * its backoff) is sent as a probe. When a probe gets through, the circuit closes and every
 * waiting event is made due at once, so the queue drains within seconds of the receiver coming
 * back instead of each event waiting out its own backoff (docs/cerberus.md).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;
  private stopped = false;
  private readonly channels: OutboundChannel[];
  private readonly circuitOf = new Map<string, Circuit>();

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
      for (const channel of this.channels.filter((c) => c.enabled)) attempted += await this.drainChannel(channel);
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'outbox drain failed; will retry');
    } finally {
      this.running = false;
    }
    return attempted;
  }

  /** The queue and circuit of every channel, for the ops view (`GET /api/integrations/outbox/health`). */
  async figures(): Promise<ChannelFigures[]> {
    return Promise.all(
      this.channels.map(async (channel) => {
        const queue = await this.outbox.figures(channel.topics);
        const circuit = this.circuit(channel);
        const open = circuit.openedAt !== undefined;
        return {
          channel: channel.name,
          ...queue,
          circuit: open ? ('open' as const) : ('closed' as const),
          circuitOpenedAt: open ? new Date(circuit.openedAt!).toISOString() : null,
          consecutiveFailures: circuit.failures,
          alert: open || queue.dead > 0 || queue.oldestPendingSeconds > 15 * 60,
        };
      }),
    );
  }

  /** Whether this instance's circuit to each channel is open (the `cop_outbox_circuit_open` gauge). */
  circuits(): { channel: string; open: boolean }[] {
    return this.channels.map((c) => ({ channel: c.name, open: this.circuit(c).openedAt !== undefined }));
  }

  private async drainChannel(channel: OutboundChannel): Promise<number> {
    const expired = await this.outbox.expire(channel.topics, this.config.CERBERUS_RETRY_HORIZON_SECONDS);
    if (expired > 0)
      this.logger.error(
        { channel: channel.name, expired, horizonSeconds: this.config.CERBERUS_RETRY_HORIZON_SECONDS },
        'outbound events dead-lettered: not delivered within the retry horizon; an admin can redrive them',
      );
    const circuit = this.circuit(channel);
    if (circuit.openedAt !== undefined) {
      if (Date.now() - circuit.lastProbeAt < this.config.CERBERUS_PROBE_INTERVAL_MS) return 0;
      circuit.lastProbeAt = Date.now();
      const probe = await this.outbox.claimProbe(channel.topics, this.config.OUTBOX_LEASE_MS);
      if (!probe) return 0;
      await this.deliverOne(channel, probe);
      if (circuit.openedAt !== undefined) {
        if (Date.now() - circuit.lastLoggedAt >= OUTAGE_LOG_MS) {
          circuit.lastLoggedAt = Date.now();
          const { pending } = await this.outbox.figures(channel.topics);
          this.logger.error(
            { channel: channel.name, minutes: Math.round((Date.now() - circuit.openedAt) / 60_000), pending },
            'receiver still not answering; outbound events are waiting',
          );
        }
        return 1;
      }
    }
    // Up to BATCH deliveries in flight, a slot refilled as soon as one settles: one receiver that
    // hangs until its timeout holds one slot, not the rest of the queue.
    let attempted = 0;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const free = this.stopped || circuit.openedAt !== undefined ? 0 : BATCH - inFlight.size;
      // Claim when half the slots are free (or none is busy), not after every single delivery.
      const claimNow = free > 0 && (free >= BATCH / 2 || inFlight.size === 0);
      const batch = claimNow ? await this.outbox.claim(channel.topics, free, this.config.OUTBOX_LEASE_MS) : [];
      for (const event of batch) {
        const delivery: Promise<void> = this.deliverOne(channel, event).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
      attempted += batch.length;
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
    return attempted;
  }

  private circuit(channel: OutboundChannel): Circuit {
    let circuit = this.circuitOf.get(channel.name);
    if (!circuit) {
      circuit = { failures: 0, lastProbeAt: 0, lastLoggedAt: 0 };
      this.circuitOf.set(channel.name, circuit);
    }
    return circuit;
  }

  private async deliverOne(channel: OutboundChannel, event: ClaimedRow): Promise<void> {
    const result = await channel.deliver(event).catch((error: unknown): DeliveryResult => ({
      ok: false,
      permanent: false,
      error: error instanceof Error ? error.message : String(error),
    }));
    const circuit = this.circuit(channel);
    if (result.ok) {
      await this.outbox.delivered(event.id);
      await this.closeCircuit(channel, circuit);
      return;
    }
    if (!result.permanent) this.failedOnce(channel, circuit, result.error);
    const max = this.config.CERBERUS_MAX_ATTEMPTS;
    const horizonEnds = new Date(event.retryFrom).getTime() + this.config.CERBERUS_RETRY_HORIZON_SECONDS * 1000;
    // The last retry falls at the horizon's end; after it, the event is dead.
    const backoff = Math.min(this.backoff(event.attempts), horizonEnds - Date.now());
    const exhausted = result.permanent || (max > 0 && event.attempts >= max) || backoff <= 0;
    const applied = await this.outbox.failed(event.id, event.attempts, result.error, exhausted ? null : backoff);
    const log = { topic: event.topic, key: event.key, attempt: event.attempts, error: result.error };
    if (!applied) {
      this.logger.info(log, 'outbound attempt failed after its claim ended; the event is another attempt’s now');
      return;
    }
    if (exhausted) this.logger.error(log, 'outbound event dead-lettered; an admin can redrive it');
    else if (circuit.openedAt === undefined) this.logger.warn(log, 'outbound delivery failed; will retry');
  }

  private failedOnce(channel: OutboundChannel, circuit: Circuit, error: string): void {
    circuit.failures++;
    if (circuit.openedAt !== undefined || circuit.failures < this.config.CERBERUS_CIRCUIT_FAILURES) return;
    circuit.openedAt = Date.now();
    circuit.lastProbeAt = Date.now();
    circuit.lastLoggedAt = Date.now();
    this.logger.error(
      { channel: channel.name, failures: circuit.failures, error, probeMs: this.config.CERBERUS_PROBE_INTERVAL_MS },
      'receiver not answering: circuit open, probing with one event at a time',
    );
  }

  /** A delivery got through: closes an open circuit and makes every waiting event due at once. */
  private async closeCircuit(channel: OutboundChannel, circuit: Circuit): Promise<void> {
    circuit.failures = 0;
    if (circuit.openedAt === undefined) return;
    const outageMs = Date.now() - circuit.openedAt;
    circuit.openedAt = undefined;
    const released = await this.outbox.releaseBackoffs(channel.topics);
    this.logger.info({ channel: channel.name, outageMs, released }, 'receiver answers again: circuit closed, draining');
  }

  /** Exponential backoff with full jitter between half and the whole of the step. */
  private backoff(attempt: number): number {
    const step = Math.min(this.config.OUTBOX_MAX_BACKOFF_MS, this.config.OUTBOX_BASE_BACKOFF_MS * 2 ** (attempt - 1));
    return Math.round(step / 2 + Math.random() * (step / 2));
  }
}
