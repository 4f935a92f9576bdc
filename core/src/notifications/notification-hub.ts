import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ServerResponse } from 'node:http';
import type { PgEvents } from '../database/pg-events.js';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG, LOGGER, PG_EVENTS } from '../tokens.js';
import { NotificationsRepository, type NotificationRecord } from './notifications.repository.js';

const CHANNEL = 'cop_notifications';
const HEARTBEAT_MS = 25_000;
/**
 * After the listener reconnects, notifications created this long before it dropped are looked at
 * too: a row's time is its transaction's start, which can come well before its commit.
 */
const CATCH_UP_MARGIN_MS = 60_000;
/** At most this many notifications are pushed when catching up; the rest are in the inbox. */
const CATCH_UP_LIMIT = 1_000;
/** How long a pushed notification's id is remembered, so catching up does not push it twice. */
const SENT_MEMORY_MS = 10 * 60_000;

/**
 * Live notifications over server-sent events. Each instance keeps its own connections; a
 * committed batch is announced to every instance through PostgreSQL NOTIFY, and each instance
 * pushes the rows addressed to the officers connected to it.
 *
 * A client that does not read (a stalled laptop, a hostile script) would make Node buffer every
 * frame for it without bound. Once a connection holds more than SSE_MAX_BUFFERED_BYTES not yet
 * taken by the client, it is closed, logged with the reason; nothing is lost, since every
 * notification is in the inbox, which the shell reads again when its EventSource reconnects.
 */
@Injectable()
export class NotificationHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly connections = new Map<string, Set<ServerResponse>>();
  /** Ids of the notifications pushed lately, with when. */
  private readonly sent = new Map<string, number>();
  /** Whose each connection is, for the log. */
  private readonly owners = new WeakMap<ServerResponse, string>();
  private heartbeat?: NodeJS.Timeout;
  /** Connections closed because their client did not keep up, since start (an ops figure). */
  droppedSlowClients = 0;

  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.events.listen(
      CHANNEL,
      (batchId) => {
        this.deliver(batchId).catch((error: unknown) =>
          this.logger.warn({ err: error, batchId }, 'live notification delivery failed'),
        );
      },
      (lostAt) => this.catchUp(lostAt),
    );
    this.heartbeat = setInterval(() => this.broadcastComment('heartbeat'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    for (const set of this.connections.values()) for (const res of set) res.end();
    this.connections.clear();
  }

  /** Announces a committed batch to every instance. */
  publish(batchId: string): void {
    this.events
      .notify(CHANNEL, batchId)
      .catch((error: unknown) => this.logger.warn({ err: error, batchId }, 'notification announce failed'));
  }

  /** Keeps an SSE response open for the user until the client goes away. */
  attach(userId: string, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    this.owners.set(res, userId);
    const set = this.connections.get(userId) ?? new Set<ServerResponse>();
    set.add(res);
    this.connections.set(userId, set);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) this.connections.delete(userId);
    });
  }

  /** Number of open connections on this instance. */
  get size(): number {
    let n = 0;
    for (const set of this.connections.values()) n += set.size;
    return n;
  }

  private async deliver(batchId: string): Promise<void> {
    if (this.connections.size === 0) return;
    const rows = await this.notifications.batchFor(batchId, [...this.connections.keys()]);
    for (const row of rows) this.send(row);
  }

  /**
   * Pushes what was announced while the listener was reconnecting: the connected officers'
   * notifications since shortly before it dropped, less those already pushed.
   */
  private async catchUp(lostAt: Date): Promise<void> {
    if (this.connections.size === 0) return;
    const after = new Date(lostAt.getTime() - CATCH_UP_MARGIN_MS);
    const rows = await this.notifications.since([...this.connections.keys()], after, CATCH_UP_LIMIT);
    const missed = rows.filter((row) => !this.sent.has(row.id));
    for (const row of missed) this.send(row);
    if (missed.length > 0) this.logger.info({ pushed: missed.length }, 'live notifications caught up');
  }

  private send(row: NotificationRecord): void {
    this.remember(row.id);
    const frame = `id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(row)}\n\n`;
    for (const res of this.connections.get(row.userId) ?? []) this.write(res, frame);
  }

  private broadcastComment(text: string): void {
    for (const set of this.connections.values()) for (const res of set) this.write(res, `: ${text}\n\n`);
  }

  /** Remembers a pushed id, forgetting those older than SENT_MEMORY_MS (the map is in insertion order). */
  private remember(id: string): void {
    const now = Date.now();
    this.sent.set(id, now);
    for (const [old, at] of this.sent) {
      if (now - at < SENT_MEMORY_MS) break;
      this.sent.delete(old);
    }
  }

  /**
   * Writes a frame unless the connection already holds more than the limit unsent (bytes in the
   * response and its socket not yet taken by the client), in which case it is closed instead.
   */
  private write(res: ServerResponse, frame: string): void {
    if (res.destroyed) return;
    const buffered = res.writableLength;
    if (buffered + Buffer.byteLength(frame) <= this.config.SSE_MAX_BUFFERED_BYTES) {
      res.write(frame);
      return;
    }
    this.droppedSlowClients++;
    this.logger.warn(
      { userId: this.owners.get(res), bufferedBytes: buffered, limit: this.config.SSE_MAX_BUFFERED_BYTES },
      'live stream closed: the client is not reading it',
    );
    res.destroy();
  }
}
