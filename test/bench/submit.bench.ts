// Submit benchmark: authenticated submissions over HTTP through the full path (auth, validation,
// business key, case, term index, task, audit, outbox, plugin hook) of the built core, against,
// in the same run, (a) a raw `pg` loop running the same SQL transaction and (b) a bare Fastify +
// pg server running it per request. Throughput comes from autocannon (closed loop); p99 at a
// fixed 500 requests/s from an open-loop generator (paced.ts), in rounds that alternate the
// core and the bare server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { benchDatabase, median, report } from './bench-utils.js';
import { autocannon, paced, peakRssMiB, startAndWait, stop, type LoadResult } from './load.js';
import type { PacedResult } from './paced.js';
import { BENCH_ANSWERS, runSubmissionSql } from './submit-sql.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  if (!existsSync('dist/core/src/main.js')) spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
  const bench = await benchDatabase('submit');
  const { databaseUrl } = bench;
  try {
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
        AUTH_TOKEN_SECRET: 'x'.repeat(40),
        AUDIT_SEAL_KEYS: 's'.repeat(40),
        AUTH_ACCESS_TOKEN_TTL_SECONDS: '3600',
      },
      `${base}/health/ready`,
    );
    const login = (await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: 'demo-password' }),
      })
    ).json()) as { accessToken: string; user: { id: string } };
    const request = {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
      body: JSON.stringify({ answers: BENCH_ANSWERS }),
    };
    const url = `${base}/api/plugins/hot-debrief/cases`;

    const barePort = await freePort();
    const bare = await startAndWait(
      'node',
      ['--import', '@swc-node/register/esm-register', 'test/bench/bare-server.ts'],
      { DATABASE_URL: databaseUrl, PORT: String(barePort), BENCH_USER_ID: login.user.id, POOL: '10' },
      `http://127.0.0.1:${barePort}/health-none`,
    );
    const bareUrl = `http://127.0.0.1:${barePort}/submit`;

    // Throughput: closed loop, CONNECTIONS requests in flight.
    autocannon(url, { ...request, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const full = autocannon(url, { ...request, connections: CONNECTIONS, seconds: SECONDS });
    autocannon(bareUrl, { ...request, connections: CONNECTIONS, seconds: 3 });
    const bareResult = autocannon(bareUrl, { ...request, connections: CONNECTIONS, seconds: SECONDS });

    // Latency at a fixed rate: open loop, evenly spaced (see paced.ts), the core and the bare
    // server taking turns so that both see the same spells of a noisy machine.
    const fixed: PacedResult[] = [];
    const bareFixed: PacedResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      fixed.push(paced(url, { ...request, rate: RATE, seconds: SECONDS }));
      bareFixed.push(paced(bareUrl, { ...request, rate: RATE, seconds: SECONDS }));
    }
    const rss = peakRssMiB(core.pid!);
    await Promise.all([stop(core), stop(bare)]);

    const raw = await rawSqlLoop(databaseUrl, login.user.id, CONNECTIONS, SECONDS);

    const line = (name: string, r: LoadResult) =>
      `  ${name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.total} requests, errors ${r.errors + r.non2xx}`;
    const fixedLine = (name: string, r: PacedResult) =>
      `  ${name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms, ${r.total} requests, errors ${r.errors + r.non2xx}, generator lag ≤ ${r.maxSendLagMs} ms`;
    process.stdout.write(
      [
        line('full path', full),
        line('bare Fastify + pg', bareResult),
        ...fixed.flatMap((r, i) => [
          fixedLine(`round ${i + 1}, full path at a fixed ${RATE} req/s`, r),
          fixedLine(`round ${i + 1}, bare Fastify + pg at a fixed ${RATE} req/s`, bareFixed[i]!),
        ]),
        `  raw SQL loop (${CONNECTIONS} clients): ${raw.toFixed(0)} tx/s`,
        `  core peak RSS: ${rss.toFixed(0)} MiB`,
      ].join('\n') + '\n',
    );
    const p99 = median(fixed.map((r) => r.p99));
    const bareP99 = median(bareFixed.map((r) => r.p99));
    const errors = [full, bareResult, ...fixed, ...bareFixed].reduce((n, r) => n + r.errors + r.non2xx, 0);
    await report(
      'submit',
      `submit: ${full.requestsPerSecond.toFixed(0)} submissions/s (${(full.requestsPerSecond / raw).toFixed(2)}x raw SQL ${raw.toFixed(0)} tx/s, ${(full.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)}x bare server); p99 at a fixed ${RATE}/s ${p99} ms, median of ${ROUNDS} rounds (${(p99 / bareP99).toFixed(2)}x bare server ${bareP99} ms); errors ${errors}`,
      {
        measuredAt: new Date().toISOString(),
        seconds: SECONDS,
        connections: CONNECTIONS,
        rate: RATE,
        full,
        bare: bareResult,
        fixed,
        bareFixed,
        fixedP99Median: p99,
        bareFixedP99Median: bareP99,
        rawSqlTxPerSecond: raw,
        corePeakRssMiB: rss,
      },
    );
  } finally {
    await bench.close();
  }
}

/** Baseline (a): `clients` connections running the submission transaction back to back. */
async function rawSqlLoop(databaseUrl: string, userId: string, clients: number, seconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: clients });
  pool.on('error', () => undefined);
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < until) {
        await runSubmissionSql(client, userId);
        done++;
      }
    } finally {
      client.release();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (Date.now() - started) / 1000;
  await pool.end();
  return done / elapsed;
}

await main();
