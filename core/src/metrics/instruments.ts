import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's metrics (prom-client), served as Prometheus text at `/metrics`
 * (docs/operations.md, "Metrics"). One registry per process: the default Node.js metrics
 * (CPU, memory, heap, event-loop lag, GC pauses), the instruments below, which code records
 * into as things happen, and the gauges `MetricsCollector` reads when Prometheus scrapes.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 10 });

const SECONDS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequests = new Counter({
  name: 'cop_http_requests_total',
  help: 'HTTP requests answered, by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'cop_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const dbPoolWait = new Histogram({
  name: 'cop_db_pool_wait_seconds',
  help: 'Time a caller waited for a pooled PostgreSQL connection',
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [metricsRegistry],
});

export const dbQueryDuration = new Histogram({
  name: 'cop_db_query_duration_seconds',
  help: 'PostgreSQL statement latency as the client sees it, by outcome (ok or error)',
  labelNames: ['outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const dbTransactionDuration = new Histogram({
  name: 'cop_db_transaction_duration_seconds',
  help: 'Time from BEGIN to COMMIT or ROLLBACK, by outcome (commit or rollback)',
  labelNames: ['outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const reportJobDuration = new Histogram({
  name: 'cop_report_job_duration_seconds',
  help: 'Time to render a queued report run to its PDF, by outcome (done or failed)',
  labelNames: ['outcome'] as const,
  buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [metricsRegistry],
});
