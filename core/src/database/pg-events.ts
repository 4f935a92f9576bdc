import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

type Handler = (payload: string) => void;

/**
 * Cross-instance events over PostgreSQL LISTEN/NOTIFY: one dedicated connection listens,
 * and reconnects after a drop. PostgreSQL is the only shared state between core instances.
 */
export class PgEvents {
  private client?: pg.Client;
  private readonly handlers = new Map<string, Set<Handler>>();
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly connectionString: string,
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (msg) => {
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    client.on('error', (error) => {
      if (this.closed) return;
      this.logger.warn({ err: error }, 'event listener connection lost; reconnecting');
      this.scheduleReconnect();
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    this.client = client;
  }

  /** Calls `handler` for every notification on `channel`, from any instance (this one included). */
  async listen(channel: string, handler: Handler): Promise<void> {
    const first = !this.handlers.has(channel);
    const set = this.handlers.get(channel) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(channel, set);
    if (first && this.client) await this.client.query(`LISTEN ${this.client.escapeIdentifier(channel)}`);
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.start().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'event listener reconnect failed');
        this.scheduleReconnect();
      });
    }, 1000);
  }
}
