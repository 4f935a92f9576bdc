// Cerberus benchmark: targets accepted per second (signed, unique, full path: signature, form
// validation, case, task, audit, notifications) and the time from sending a target to its
// notification reaching each of 1,000 officers connected over server-sent events. Baseline in
// the same run: a bare PostgreSQL NOTIFY → LISTEN round trip.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { TokenService } from '../../core/src/identity/token.service.js';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { SseClient } from '../utils/sse.js';
import { benchDatabase, percentile, report } from './bench-utils.js';
import { peakRssMiB, startAndWait, stop } from './load.js';

const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LATENCY_TARGETS = Number(process.env.BENCH_LATENCY_TARGETS ?? 30);
const SECRET = 'bench-cerberus-secret-dddddddddddddddddddddddd';
const TOKEN_SECRET = 'b'.repeat(40);
const TEAM = 'dover-freight-team-a';

async function main(): Promise<void> {
  if (!existsSync('dist/core/src/main.js')) spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
  const bench = await benchDatabase('cerberus');
  const { databaseUrl } = bench;
  const streams: SseClient[] = [];
  try {
    const baseline = await notifyRoundTrip(databaseUrl, 1000);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const core = await startAndWait(
      'node',
      ['dist/core/src/main.js'],
      {
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        AUTH_TOKEN_SECRET: TOKEN_SECRET,
        AUDIT_SEAL_KEYS: 's'.repeat(40),
        CERBERUS_SECRETS: SECRET,
        AUTH_ACCESS_TOKEN_TTL_SECONDS: '3600',
      },
      `${base}/health/ready`,
    );
    const sim = new CerberusSimulator({ secret: SECRET, coreUrl: base });

    // Throughput first, before the officers connect.
    for (let i = 0; i < 20; i++) await sim.sendTarget(targetSheet({ receivingTeam: 'dover-freight-team-b' }));
    const accepted = await throughput(sim, SECONDS, 8);

    // 1,000 officers of the receiving team on shift, each with a live connection.
    const userIds = await seedOfficers(databaseUrl, OFFICERS);
    const tokens = new TokenService([TOKEN_SECRET], 3600);
    const arrivals = new Map<string, number[]>();
    await Promise.all(
      userIds.map(async (id, i) => {
        const token = await tokens.sign({
          sub: id,
          sid: randomUUID(),
          username: `bench-officer-${i}`,
          roles: ['officer'],
          teamId: TEAM,
        });
        const stream = await SseClient.connect(`${base}/api/notifications/stream?access_token=${token}`, (event) => {
          const caseId = String(event.caseId);
          const list = arrivals.get(caseId) ?? [];
          list.push(performance.now());
          arrivals.set(caseId, list);
        });
        streams.push(stream);
      }),
    );
    await new Promise((r) => setTimeout(r, 1000));

    const latencies: number[] = [];
    let complete = 0;
    for (let i = 0; i < LATENCY_TARGETS; i++) {
      const sent = performance.now();
      const { body } = await sim.sendTarget(targetSheet({ receivingTeam: TEAM }));
      const caseId = String(body.caseId);
      const until = performance.now() + 10_000;
      while ((arrivals.get(caseId)?.length ?? 0) < OFFICERS && performance.now() < until)
        await new Promise((r) => setTimeout(r, 5));
      const got = arrivals.get(caseId) ?? [];
      if (got.length === OFFICERS) complete++;
      latencies.push(...got.map((t) => t - sent));
      await new Promise((r) => setTimeout(r, 100));
    }
    latencies.sort((x, y) => x - y);
    const rss = peakRssMiB(core.pid!);
    for (const s of streams) s.close();
    await stop(core);

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    process.stdout.write(
      `  targets accepted: ${accepted.toFixed(0)} targets/s (8 concurrent senders, ${SECONDS} s)\n` +
        `  target sent → notification at each of ${OFFICERS} officers: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${latencies.length} deliveries (${complete}/${LATENCY_TARGETS} targets reached everyone)\n` +
        `  baseline NOTIFY → LISTEN round trip: p50 ${baseline.p50.toFixed(2)} ms, p99 ${baseline.p99.toFixed(2)} ms\n` +
        `  core peak RSS: ${rss.toFixed(0)} MiB\n`,
    );
    await report(
      'cerberus',
      `cerberus: ${accepted.toFixed(0)} targets/s; target → officer p99 ${p99.toFixed(0)} ms with ${OFFICERS} connected (${(p99 / baseline.p99).toFixed(1)}x the bare NOTIFY→LISTEN p99 of ${baseline.p99.toFixed(1)} ms)`,
      {
        measuredAt: new Date().toISOString(),
        officers: OFFICERS,
        targetsPerSecond: accepted,
        latency: { p50, p99, deliveries: latencies.length, complete },
        baseline,
        corePeakRssMiB: rss,
      },
    );
  } finally {
    for (const s of streams) s.close();
    await bench.close();
  }
}

async function throughput(sim: CerberusSimulator, seconds: number, senders: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (Date.now() < until) {
        const { status } = await sim.sendTarget(targetSheet({ receivingTeam: 'dover-freight-team-b' }));
        if (status !== 201) throw new Error(`target refused: ${status}`);
        done++;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

async function seedOfficers(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows = await client.query<{ id: string }>(
    `INSERT INTO core.app_user (username, display_name, roles, team_id, shift_team_id, shift_location, shift_started_at)
     SELECT 'bench-officer-' || g, 'Bench Officer ' || g, '{officer}', $1, $1, 'dover', now() FROM generate_series(1, $2) g RETURNING id`,
    [TEAM, count],
  );
  await client.end();
  return rows.rows.map((r) => r.id);
}

/** Baseline: NOTIFY on one connection, time until LISTEN on another hears it. */
async function notifyRoundTrip(databaseUrl: string, rounds: number): Promise<{ p50: number; p99: number }> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const notifier = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), notifier.connect()]);
  await listener.query('LISTEN bench_round_trip');
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const heard = new Promise<void>((resolve) => listener.once('notification', () => resolve()));
    const sent = performance.now();
    await notifier.query(`NOTIFY bench_round_trip, '${i}'`);
    await heard;
    times.push(performance.now() - sent);
  }
  await Promise.all([listener.end(), notifier.end()]);
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

await main();
