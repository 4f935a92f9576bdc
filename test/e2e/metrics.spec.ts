import { MetricsCollector } from '../../core/src/metrics/metrics.collector.js';
import { pluginKit } from '../utils/plugin-kit.js';
import { runReportPdf } from '../utils/reports.js';

const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample in Prometheus text, found by its name and labels (all given labels must match). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('metrics for Prometheus', () => {
  const kit = pluginKit('hot-debrief', { env: { METRICS_TOKEN: TOKEN } });
  beforeAll(() => kit.start());
  afterAll(() => kit.stop());

  const scrape = async (authorization?: string) =>
    fetch(`${kit.app.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('answers 401 without the token or with a wrong one, naming what it needs', async () => {
    expect((await scrape()).status).toBe(401);
    const wrong = await scrape('Bearer metrics-token-0123456789abcdeX');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await wrong.json()) as { message: string }).message).toContain('METRICS_TOKEN');
  });

  it('counts and times requests by route template and status, never by the ids in the path', async () => {
    await kit.call('GET', '/api/plugins', 'officer');
    await kit.call('GET', '/api/plugins', 'officer');
    const missing = await kit.call('GET', '/api/cases/7f1d6c1e-0000-4000-8000-000000000000', 'officer');
    expect(missing.status).toBe(404);
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const plugins = { method: 'GET', route: '/api/plugins', status: '200' };
    expect(sample(text, 'cop_http_requests_total', plugins)).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'cop_http_request_duration_seconds_count', plugins)).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'cop_http_request_duration_seconds_bucket', { ...plugins, le: '+Inf' })).toBeGreaterThanOrEqual(
      2,
    );
    expect(sample(text, 'cop_http_requests_total', { route: '/api/cases/:id', status: '404' })).toBe(1);
    expect(text).not.toContain('7f1d6c1e-0000');
  });

  it('reports the database pool, statements, transactions, plugin states and the process', async () => {
    await kit.submit({
      category: 'safety',
      occurredAt: '2026-11-20T09:30',
      port: 'dover',
      team: 'dover-tourist-controls-team-1',
      description: 'Barrier failed.',
      actionNeeded: false,
    });
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, 'cop_db_pool_max')).toBeGreaterThan(0);
    expect(sample(text, 'cop_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sample(text, 'cop_db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sample(text, 'cop_db_pool_wait_seconds_count')).toBeGreaterThan(0);
    expect(sample(text, 'cop_db_query_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(text, 'cop_db_transaction_duration_seconds_count', { outcome: 'commit' })).toBeGreaterThan(0);
    expect(sample(text, 'cop_plugin_state', { plugin: 'hot-debrief', state: 'enabled' })).toBe(1);
    expect(sample(text, 'cop_plugin_state', { plugin: 'hot-debrief', state: 'quarantined' })).toBe(0);
    expect(sample(text, 'cop_sse_clients')).toBe(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('reports the outbox depth, the oldest undelivered message and dead letters per channel', async () => {
    await kit.app.sql(
      `INSERT INTO core.outbox (topic, key, payload, status, created_at, available_at)
       VALUES ('metrics.test', 'a', '{}', 'pending', now() - interval '2 hours', now() + interval '1 day'),
              ('metrics.test', 'b', '{}', 'dead', now(), now()),
              ('metrics.test', 'c', '{}', 'dead', now(), now())`,
    );
    await new Promise((r) => setTimeout(r, 1100)); // past the one-second reuse of the outbox query
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, 'cop_outbox_pending', { topic: 'metrics.test' })).toBe(1);
    expect(sample(text, 'cop_outbox_dead', { topic: 'metrics.test' })).toBe(2);
    const age = sample(text, 'cop_outbox_oldest_pending_age_seconds', { topic: 'metrics.test' })!;
    expect(age).toBeGreaterThan(7_100);
    expect(age).toBeLessThan(7_400);
  });

  it('times report jobs and counts the report queue', async () => {
    await runReportPdf(
      kit.app,
      await kit.auth('manager'),
      'hot-debrief.debriefs-by-category',
      { from: '2026-11-01', to: '2026-11-30' },
      'test-output/metrics/hot-debrief.pdf',
    );
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(text, 'cop_report_job_duration_seconds_count', { outcome: 'done' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'cop_report_runs', { status: 'queued' })).toBe(0);
  });
});

describe('metrics settings', () => {
  it('serves nothing at /metrics without METRICS_TOKEN (404), and everything on METRICS_PORT without a token', async () => {
    const kit = pluginKit('hot-debrief', { env: { METRICS_PORT: '0' } });
    await kit.start();
    try {
      expect((await fetch(`${kit.app.url}/metrics`)).status).toBe(404);
      const url = kit.app.app.get(MetricsCollector).metricsUrl!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(sample(await response.text(), 'cop_plugin_state', { plugin: 'hot-debrief', state: 'enabled' })).toBe(1);
      expect((await fetch(url.replace('/metrics', '/api/plugins'))).status).toBe(404);
    } finally {
      await kit.stop();
    }
  });
});
