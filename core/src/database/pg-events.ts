import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

type Handler = (payload: string) => void;
/**
 * Reads again what a channel's notifications would have said, after some may have been missed
 * since `lostAt` (when the listener's connection dropped).
 */
export type CatchUp = (lostAt: Date) => Promise<void>;

/**
 * Cross-instance events over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens,
 * and reconnects after a drop. PostgreSQL is the only shared state between core instances.
 *
 * NOTIFY is not queued for a listener that is not connected: whatever was sent while this
 * instance's connection was down is lost. So each channel may name a catch-up, which reads the
 * state those notifications were about from the database; after every reconnect, once LISTEN is
 * in place again (so nothing falls between), every catch-up runs (docs/operations.md,
 * "Events between instances").
 */
export class PgEvents {
  private client?: pg.Client;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly catchUps = new Map<string, CatchUp>();
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private lostAt?: number;
  /** The listening connection's backend process id (tests end it to simulate a drop). */
  backendPid?: number;
  /** Reconnects since start whose catch-ups have all run. */
  reconnects = 0;
  /** Catch-ups that failed after a reconnect and later succeeded on a retry. */
  catchUpRetries = 0;
  /** Wait before reconnecting the listener after its connection dropped (tests lengthen it to act in the gap). */
  reconnectDelayMs = 1000;

  constructor(
    private readonly connectionString: string,
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'cop-events' });
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    const lost = (error?: Error) => {
      if (this.closed || this.client !== client) return;
      this.lostAt ??= Date.now();
      this.logger.warn({ err: error }, 'event listener connection lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    try {
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      this.backendPid = ((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid;
    } catch (error: unknown) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  /**
   * Calls `handler` for every notification on `channel`, from any instance (this one included);
   * `catchUp` runs after the listener reconnects, for what may have been missed meanwhile.
   */
  async listen(channel: string, handler: Handler, catchUp?: CatchUp): Promise<void> {
    const first = !this.handlers.has(channel);
    const set = this.handlers.get(channel) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(channel, set);
    if (catchUp) this.catchUps.set(`${channel}#${set.size}`, catchUp);
    if (first && this.client) await this.client.query(`LISTEN ${this.client.escapeIdentifier(channel)}`);
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    await this.client?.end().catch(() => undefined);
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const old = this.client;
    this.client = undefined;
    void old?.end().catch(() => undefined);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.start().then(
        () => this.caughtUp(),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'event listener reconnect failed');
          this.scheduleReconnect();
        },
      );
    }, this.reconnectDelayMs);
  }

  /**
   * Runs every catch-up after a reconnect. One that fails is logged, the others still run, and
   * the failed ones are tried again (from the same `lostAt`) with a growing wait, up to a minute,
   * until they succeed or the instance closes: a missed change is never left unread.
   */
  private async caughtUp(): Promise<void> {
    const lostAt = new Date(this.lostAt ?? Date.now());
    const gapMs = Date.now() - lostAt.getTime();
    this.lostAt = undefined;
    const failed = await this.runCatchUps([...this.catchUps], lostAt);
    this.reconnects++;
    this.logger.info(
      { gapMs, channels: this.catchUps.size, failed: failed.map(([name]) => name) },
      'event listener reconnected; caught up',
    );
    if (failed.length > 0) this.retryCatchUps(failed, lostAt, this.reconnectDelayMs);
  }

  private async runCatchUps(catchUps: [string, CatchUp][], lostAt: Date): Promise<[string, CatchUp][]> {
    const failed: [string, CatchUp][] = [];
    for (const [name, catchUp] of catchUps) {
      await catchUp(lostAt).catch((error: unknown) => {
        failed.push([name, catchUp]);
        this.logger.error({ err: error, channel: name }, 'catching up after the event listener reconnected failed');
      });
    }
    return failed;
  }

  private retryCatchUps(catchUps: [string, CatchUp][], lostAt: Date, waitMs: number): void {
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (this.closed) return;
      void this.runCatchUps(catchUps, lostAt).then((failed) => {
        if (failed.length === 0) {
          this.catchUpRetries++;
          this.logger.info({ channels: catchUps.map(([name]) => name) }, 'caught up after retrying');
        } else this.retryCatchUps(failed, lostAt, Math.min(waitMs * 2, 60_000));
      });
    }, waitMs);
    timer.unref();
    this.retryTimers.add(timer);
  }
}
