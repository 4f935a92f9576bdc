// Submit benchmark: authenticated submissions over HTTP through the full path (auth, validation,
// business key, case, term index, task, audit, outbox, plugin hook) of the built core, against,
// in the same run, (a) a raw `pg` loop running the same SQL transaction and (b) a bare Fastify +
// pg server running it per request. Also p99 at a fixed 500 requests/s.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { benchDatabase, report } from './bench-utils.js';
import { autocannon, peakRssMiB, startAndWait, stop, type LoadResult } from './load.js';
import { BENCH_ANSWERS, runSubmissionSql } from './submit-sql.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

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
    autocannon(url, { ...request, connections: CONNECTIONS, seconds: 3 }); // warm-up
    const full = autocannon(url, { ...request, connections: CONNECTIONS, seconds: SECONDS });
    const paced = autocannon(url, { ...request, connections: 16, seconds: 10, rate: 500 });
    const rss = peakRssMiB(core.pid!);
    await stop(core);

    const raw = await rawSqlLoop(databaseUrl, login.user.id, CONNECTIONS, SECONDS);

    const barePort = await freePort();
    const bare = await startAndWait(
      'node',
      ['--import', '@swc-node/register/esm-register', 'test/bench/bare-server.ts'],
      { DATABASE_URL: databaseUrl, PORT: String(barePort), BENCH_USER_ID: login.user.id, POOL: '10' },
      `http://127.0.0.1:${barePort}/health-none`,
    );
    const bareUrl = `http://127.0.0.1:${barePort}/submit`;
    autocannon(bareUrl, { ...request, connections: CONNECTIONS, seconds: 3 });
    const bareResult = autocannon(bareUrl, { ...request, connections: CONNECTIONS, seconds: SECONDS });
    // The same fixed 500 requests/s against the bare server: the machine's own tail latency
    // (load generator, PostgreSQL and scheduling on these cores), for the core's p99 to be read against.
    const barePaced = autocannon(bareUrl, { ...request, connections: 16, seconds: 10, rate: 500 });
    await stop(bare);

    const line = (name: string, r: LoadResult) =>
      `  ${name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.total} requests, errors ${r.errors + r.non2xx}`;
    process.stdout.write(
      `${line('full path', full)}\n${line('full path at 500 req/s', paced)}\n${line('bare Fastify + pg', bareResult)}\n${line('bare Fastify + pg at 500 req/s', barePaced)}\n`,
    );
    process.stdout.write(
      `  raw SQL loop (${CONNECTIONS} clients): ${raw.toFixed(0)} tx/s\n  core peak RSS: ${rss.toFixed(0)} MiB\n`,
    );
    await report(
      'submit',
      `submit: ${full.requestsPerSecond.toFixed(0)} submissions/s, p99 ${full.p99} ms, p99 at 500/s ${paced.p99} ms (bare server at 500/s: ${barePaced.p99} ms) (${(full.requestsPerSecond / raw).toFixed(2)}x raw SQL ${raw.toFixed(0)} tx/s, ${(full.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)}x bare server)`,
      {
        measuredAt: new Date().toISOString(),
        seconds: SECONDS,
        connections: CONNECTIONS,
        full,
        paced,
        bare: bareResult,
        barePaced,
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
