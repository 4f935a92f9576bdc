import { createServer, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EnvConfig } from '../config/env.config.js';
import { NotificationHub } from '../notifications/notification-hub.js';
import { OutboxDispatcher } from '../integrations/outbox-dispatcher.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { CONFIG, LOGGER, PLUGIN_REGISTRY } from '../tokens.js';
import { dbPoolWait, dbQueryDuration, dbTransactionDuration, metricsRegistry } from './instruments.js';
import { MetricsRepository, type OutboxFigures } from './metrics.repository.js';

/** The parts of node-postgres' Pool the collector reads and wraps. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
  connect: (...args: unknown[]) => unknown;
}
interface PgClient {
  query: (...args: unknown[]) => unknown;
}
const INSTRUMENTED = Symbol('cop.metrics.instrumented');
const PLUGIN_STATES = ['enabled', 'disabled', 'quarantined'] as const;

/** A gauge read when Prometheus scrapes; replaces one of the same name (several apps in one test process). */
function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  collect: (gauge: Gauge<L>) => Promise<void> | void,
): Gauge<L> {
  metricsRegistry.removeSingleMetric(name);
  return new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      await collect(this);
    },
  });
}

/**
 * Wires the process's metrics to this app: times every statement, pooled-connection wait and
 * transaction (by wrapping node-postgres' pool and TypeORM's transaction entry point, as
 * OpenTelemetry's pg instrumentation does), registers the gauges read at scrape time (pool,
 * outbox, report queue, live-stream clients, plugin states), and serves `/metrics` on its own
 * port when METRICS_PORT is set.
 */
@Injectable()
export class MetricsCollector implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  private readonly logger: Logger;
  /** The separate metrics listener's address, once it listens. */
  metricsUrl?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MetricsRepository,
    private readonly hub: NotificationHub,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'metrics' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master?: PgPool }).master;
    if (pool) this.instrumentPool(pool);
    this.instrumentTransactions();
    this.registerGauges(pool);
    if (this.config.METRICS_PORT !== undefined) await this.listen(this.config.METRICS_PORT);
    else if (!this.config.METRICS_TOKEN)
      this.logger.info('metrics are not served: set METRICS_TOKEN (a bearer token) or METRICS_PORT');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Whether `/metrics` is served on the API port (to holders of METRICS_TOKEN). */
  get tokenConfigured(): boolean {
    return Boolean(this.config.METRICS_TOKEN);
  }

  /** Whether a request to `/metrics` on the API port carries the configured bearer token. */
  authorised(header: string | undefined): boolean {
    const token = this.config.METRICS_TOKEN;
    if (!token || !header?.startsWith('Bearer ')) return false;
    const given = Buffer.from(header.slice('Bearer '.length));
    const wanted = Buffer.from(token);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }

  /** The metrics as Prometheus text. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: only /metrics is served here\n');
        return;
      }
      this.text().then(
        ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'metrics could not be collected');
          response.writeHead(503, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.METRICS_HOST, () => resolve());
    });
    this.server = server;
    const address = server.address();
    this.metricsUrl = `http://${this.config.METRICS_HOST}:${typeof address === 'object' && address ? address.port : port}/metrics`;
    this.logger.info({ url: this.metricsUrl }, 'metrics served');
  }

  /** Times the wait for a connection and every statement on it (once per client). */
  private instrumentPool(pool: PgPool): void {
    if ((pool as unknown as Record<symbol, boolean>)[INSTRUMENTED]) return;
    (pool as unknown as Record<symbol, boolean>)[INSTRUMENTED] = true;
    const connect = pool.connect.bind(pool);
    pool.connect = (...args: unknown[]) => {
      const started = performance.now();
      const done = (client: PgClient | undefined) => {
        dbPoolWait.observe((performance.now() - started) / 1000);
        if (client) instrumentClient(client);
      };
      const callback = args[0];
      if (typeof callback === 'function')
        return connect((error: unknown, client: PgClient | undefined, release: unknown) => {
          done(client);
          (callback as (...a: unknown[]) => void)(error, client, release);
        });
      return (connect() as Promise<PgClient>).then((client) => {
        done(client);
        return client;
      });
    };
  }

  /** Times every transaction TypeORM runs (`dataSource.transaction` goes through the manager). */
  private instrumentTransactions(): void {
    const manager = this.dataSource.manager as unknown as Record<string | symbol, unknown>;
    if (manager[INSTRUMENTED]) return;
    manager[INSTRUMENTED] = true;
    const transaction = (manager.transaction as (...args: unknown[]) => Promise<unknown>).bind(manager);
    manager.transaction = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        const result = await transaction(...args);
        dbTransactionDuration.observe({ outcome: 'commit' }, (performance.now() - started) / 1000);
        return result;
      } catch (error) {
        dbTransactionDuration.observe({ outcome: 'rollback' }, (performance.now() - started) / 1000);
        throw error;
      }
    };
  }

  private registerGauges(pool: PgPool | undefined): void {
    scrapeGauge('cop_db_pool_connections', 'Pooled PostgreSQL connections by state', ['state'], (g) => {
      if (!pool) return;
      g.set({ state: 'total' }, pool.totalCount);
      g.set({ state: 'idle' }, pool.idleCount);
      g.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      g.set({ state: 'waiting' }, pool.waitingCount);
    });
    scrapeGauge('cop_db_pool_max', 'Largest number of pooled connections', [], (g) =>
      g.set(pool?.options?.max ?? this.config.DATABASE_POOL_SIZE),
    );
    // The three outbox gauges share one query per scrape.
    let rows: OutboxFigures[] = [];
    let reading: Promise<void> | undefined;
    const readOutbox = () =>
      (reading ??= this.repository
        .outbox()
        .then((read) => {
          rows = read;
        })
        .finally(() => setTimeout(() => (reading = undefined), 1000).unref()));
    const perTopic = (field: 'pending' | 'oldestPendingSeconds' | 'dead') => async (g: Gauge<'topic'>) => {
      await readOutbox();
      g.reset();
      for (const row of rows) g.set({ topic: row.topic }, row[field]);
    };
    scrapeGauge('cop_outbox_pending', 'Messages waiting for delivery, by channel', ['topic'], perTopic('pending'));
    scrapeGauge(
      'cop_outbox_oldest_pending_age_seconds',
      'Age of the oldest undelivered message, by channel',
      ['topic'],
      perTopic('oldestPendingSeconds'),
    );
    scrapeGauge('cop_outbox_dead', 'Dead-lettered messages awaiting an admin, by channel', ['topic'], perTopic('dead'));
    scrapeGauge(
      'cop_outbox_circuit_open',
      "1 while this instance's circuit to the channel's receiver is open (it only probes)",
      ['channel'],
      (g) => {
        for (const { channel, open } of this.dispatcher.circuits()) g.set({ channel }, open ? 1 : 0);
      },
    );
    scrapeGauge(
      'cop_sse_dropped_slow_clients',
      'Live-stream connections closed on this instance since start because their client did not read',
      [],
      (g) => g.set(this.hub.droppedSlowClients),
    );
    scrapeGauge('cop_report_runs', 'Report runs queued or being rendered', ['status'], async (g) => {
      const { queued, running } = await this.repository.reportQueue();
      g.set({ status: 'queued' }, queued);
      g.set({ status: 'running' }, running);
    });
    scrapeGauge('cop_sse_clients', 'Live-stream (SSE) connections open on this instance', [], (g) =>
      g.set(this.hub.size),
    );
    scrapeGauge('cop_plugin_state', 'Plugins by state (1 for the state each is in)', ['plugin', 'state'], (g) => {
      g.reset();
      for (const plugin of this.registry.all())
        for (const state of PLUGIN_STATES) g.set({ plugin: plugin.id, state }, plugin.status === state ? 1 : 0);
    });
  }
}

/** Wraps a client's `query` once, timing each statement by its promise or callback. */
function instrumentClient(client: PgClient): void {
  const marked = client as unknown as Record<symbol, boolean>;
  if (marked[INSTRUMENTED]) return;
  marked[INSTRUMENTED] = true;
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    // A submittable (a cursor) reports its rows as they stream: not one latency.
    if (first && typeof first === 'object' && typeof first.submit === 'function') return query(...args);
    const started = performance.now();
    const observe = (outcome: 'ok' | 'error') =>
      dbQueryDuration.observe({ outcome }, (performance.now() - started) / 1000);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        observe(error ? 'error' : 'ok');
        (last as (...a: unknown[]) => void)(error, result);
      };
      return query(...args);
    }
    const result = query(...args) as Promise<unknown> | undefined;
    result?.then?.(
      () => observe('ok'),
      () => observe('error'),
    );
    return result;
  };
}
