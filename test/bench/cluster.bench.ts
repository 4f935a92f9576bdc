/**
 * Cluster benchmark: hot-debrief submissions through HAProxy (Debian's package) in front of one
 * core instance, then in front of three, on one PostgreSQL, in alternating rounds so both face
 * the same spells of a noisy machine; plus one instance without HAProxy, to show what the proxy
 * costs. Reports requests per second, p50 and p99 for each, and three instances against one.
 * On a small host the instances share its cores with PostgreSQL, so the gain is bounded by the
 * cores, not by the core's design (it keeps no state outside PostgreSQL).
 *
 * `npm run bench -- cluster` (DATABASE_URL, or an embedded server).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { haproxyConfig, startHaproxy } from '../../scripts/cluster/haproxy.js';
import { startInstance, waitForReady, type CoreInstance } from '../../scripts/cluster/instances.js';
import { benchDatabase, median, report } from './bench-utils.js';
import { autocannon, type LoadResult } from './load.js';

const ROUNDS = 3;
const SECONDS = 8;
const CONNECTIONS = 16;
const ANSWERS = {
  category: 'safety',
  occurredAt: '2026-11-20T09:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Cluster benchmark submission.',
  actionNeeded: false,
};

const db = await benchDatabase('cluster');
const dir = mkdtempSync(join(tmpdir(), 'cop-cluster-bench-'));
const instances: CoreInstance[] = [];
const proxies: ReturnType<typeof startHaproxy>[] = [];
try {
  const env = {
    DATABASE_URL: db.databaseUrl,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    DEMO_DATA: 'true',
    DEMO_CASES: 'false',
    LOG_LEVEL: 'warn',
  };
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    instances.push(startInstance({ root: process.cwd(), name: `core${i + 1}`, port, from: 'source', env }));
    await waitForReady(`http://127.0.0.1:${port}/health/ready`, 120_000);
  }
  const proxy = async (name: string, servers: CoreInstance[]) => {
    const port = await freePort();
    const file = join(dir, `${name}.cfg`);
    writeFileSync(file, haproxyConfig({ port, servers: servers.map((s) => ({ name: s.name, port: s.port })) }));
    proxies.push(startHaproxy(file));
    await waitForReady(`http://127.0.0.1:${port}/health/ready`);
    return `http://127.0.0.1:${port}`;
  };
  const one = await proxy('one', instances.slice(0, 1));
  const three = await proxy('three', instances);
  const direct = `http://127.0.0.1:${instances[0]!.port}`;
  await new Promise((r) => setTimeout(r, 1500)); // every server passes two checks
  const login = (await (
    await fetch(`${three}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer', password: 'demo-password' }),
    })
  ).json()) as { accessToken: string };
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
    body: JSON.stringify({ answers: ANSWERS }),
  };
  const run = (base: string, seconds = SECONDS) =>
    autocannon(`${base}/api/plugins/hot-debrief/cases`, { ...request, connections: CONNECTIONS, seconds });
  for (const base of [direct, one, three]) run(base, 3); // warm-up
  const rounds: Record<'direct' | 'one' | 'three', LoadResult[]> = { direct: [], one: [], three: [] };
  for (let r = 0; r < ROUNDS; r++) {
    rounds.one.push(run(one));
    rounds.three.push(run(three));
    rounds.direct.push(run(direct));
  }
  const summary = (results: LoadResult[]) => ({
    requestsPerSecond: Math.round(median(results.map((x) => x.requestsPerSecond))),
    p50: median(results.map((x) => x.p50)),
    p99: median(results.map((x) => x.p99)),
    errors: results.reduce((n, x) => n + x.errors + x.non2xx, 0),
  });
  const result = {
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    direct: summary(rounds.direct),
    oneBehindHaproxy: summary(rounds.one),
    threeBehindHaproxy: summary(rounds.three),
    raw: rounds,
  };
  const ratio = result.threeBehindHaproxy.requestsPerSecond / result.oneBehindHaproxy.requestsPerSecond;
  const proxyCost = result.oneBehindHaproxy.requestsPerSecond / result.direct.requestsPerSecond;
  await report(
    'cluster',
    `cluster: three instances ${result.threeBehindHaproxy.requestsPerSecond}/s (p99 ${result.threeBehindHaproxy.p99} ms) ` +
      `vs one ${result.oneBehindHaproxy.requestsPerSecond}/s (p99 ${result.oneBehindHaproxy.p99} ms) behind HAProxy: ` +
      `${ratio.toFixed(2)}x; one behind HAProxy is ${proxyCost.toFixed(2)}x of one direct ` +
      `(${result.direct.requestsPerSecond}/s); errors ${result.threeBehindHaproxy.errors + result.oneBehindHaproxy.errors}`,
    { ...result, threeOverOne: ratio, haproxyOverDirect: proxyCost },
  );
} finally {
  for (const p of proxies) p.kill('SIGTERM');
  for (const p of instances) p.process.kill('SIGTERM');
  await Promise.all(instances.map((p) => p.exited));
  rmSync(dir, { recursive: true, force: true });
  await db.close();
}
