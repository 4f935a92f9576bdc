// Report benchmark: the monthly Command brief (summary) and a 10,000-row border event log,
// over 240,000 seeded border events in a month, then again with a second month seeded
// (480,000). Each report is measured over HTTP (GET /api/reports/command-brief/pdf, the
// whole path: validation, query, two-pass layout, PDF) against the report's SQL alone,
// run in the same transaction shape, in the same run. Peak RSS is the server process's (the
// built core, started for the benchmark), sampled every 10 ms.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type RunningApp } from '../../core/src/app.js';
import { loadConfig } from '../../core/src/config/load-config.js';
import { freePort, startEmbeddedPostgres } from '../../core/src/database/embedded-postgres.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import type { ReportCatalogue } from '../../core/src/reports/report-catalogue.js';
import { createDatabase, report } from './bench-utils.js';
import { startAndWait, stop } from './load.js';

const PER_MONTH = Number(process.env.BENCH_CASES ?? 240_000);
const MONTHS = [
  { start: '2026-11-01', label: 'Nov 2026' },
  { start: '2026-10-01', label: 'Oct 2026' },
];
const SUMMARY = 'from=2026-11-01&to=2026-11-30';
/** One port of eight over ten days of thirty: PER_MONTH / 8 / 3 rows (10,000 at 240,000). */
const DETAIL_DAYS = { from: '2026-11-01', to: '2026-11-10' };

interface Measure {
  seconds: number;
  peakRssMb: number;
  /** RSS when the measurement started (the loaded core, TypeScript loader included). */
  startRssMb: number;
  bytes?: number;
  rows?: number;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'cop-bench-report-'));
  await chmod(work, 0o755);
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: 0, persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const databaseUrl = await createDatabase(adminUrl, `cop_bench_report_${randomBytes(3).toString('hex')}`);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    DEMO_DATA: 'true',
    PLUGINS_BUNDLED: 'false',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  });
  // The in-process core gives the baseline direct access to the report's query; the measured
  // server is the built core in its own process, so its memory is the server's alone.
  const app = await createApp(config, createRootLogger('warn'));
  if (!existsSync('dist/core/src/main.js')) spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
  const serverPort = await freePort();
  const server = await startAndWait(
    'node',
    ['dist/core/src/main.js'],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(serverPort),
      PLUGINS_BUNDLED: 'false',
      AUTH_TOKEN_SECRET: config.AUTH_TOKEN_SECRET!,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
    },
    `http://127.0.0.1:${serverPort}/health/ready`,
  );
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const serverPid = server.pid!;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined); // the server stops at the end; idle clients see it go
  try {
    const auth = await signIn(serverUrl);
    const detailPort = await seedTeams(pool);
    const results: Record<string, unknown>[] = [];
    for (let m = 0; m < MONTHS.length; m++) {
      const seeded = performance.now();
      await seedMonth(pool, MONTHS[m]!.start, m);
      const total = PER_MONTH * (m + 1);
      process.stdout.write(
        `seeded ${total.toLocaleString('en-GB')} border events (${((performance.now() - seeded) / 1000).toFixed(1)} s)\n`,
      );
      const detail = `from=${DETAIL_DAYS.from}&to=${DETAIL_DAYS.to}&port=${detailPort.port}&eventLog=yes`;
      await httpReport(serverUrl, serverPid, auth, SUMMARY); // warm-up: JIT, fonts, plan cache
      const row = {
        cases: total,
        summary: {
          report: await httpReport(serverUrl, serverPid, auth, SUMMARY),
          baseline: await sqlAlone(app, SUMMARY),
        },
        detail: { report: await httpReport(serverUrl, serverPid, auth, detail), baseline: await sqlAlone(app, detail) },
      };
      results.push(row);
      for (const kind of ['summary', 'detail'] as const) {
        const r = row[kind];
        process.stdout.write(
          `  ${total.toLocaleString('en-GB')} cases, ${kind}: ${r.report.seconds.toFixed(2)} s, peak RSS ${r.report.peakRssMb.toFixed(0)} MB from ${r.report.startRssMb.toFixed(0)} MB` +
            ` (SQL alone ${r.baseline.seconds.toFixed(2)} s, ${r.baseline.rows ?? 0} rows; ${(r.report.seconds / r.baseline.seconds).toFixed(1)}x)\n`,
        );
      }
    }
    const last = results[results.length - 1] as { cases: number; summary: { report: Measure; baseline: Measure } };
    const first = results[0] as { summary: { report: Measure } };
    await report(
      'report',
      `report: ${last.summary.report.seconds.toFixed(2)} s monthly summary at ${last.cases.toLocaleString('en-GB')} cases, peak RSS ${last.summary.report.peakRssMb.toFixed(0)} MB` +
        ` (${(last.summary.report.seconds / last.summary.baseline.seconds).toFixed(1)}x baseline of ${last.summary.baseline.seconds.toFixed(2)} s SQL alone;` +
        ` ${(last.summary.report.seconds / first.summary.report.seconds).toFixed(2)}x the time at half the data)`,
      { measuredAt: new Date().toISOString(), perMonth: PER_MONTH, detailPort, results },
    );
  } finally {
    await stop(server);
    await app.close();
    await pool.end();
    await embedded?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** Resident memory of a process (this one when no pid), in bytes. */
function rssOf(pid?: number): number {
  if (pid === undefined) return process.memoryUsage.rss();
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}

/** Samples the RSS of the process (the server's when a pid is given) while `work` runs; returns its seconds and the peak. */
async function measured<T>(
  work: () => Promise<T>,
  pid?: number,
): Promise<{ value: T; seconds: number; peakRssMb: number; startRssMb: number }> {
  const start = rssOf(pid);
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  const started = performance.now();
  try {
    const value = await work();
    return {
      value,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: Math.max(peak, rssOf(pid)) / 2 ** 20,
      startRssMb: start / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The whole path: HTTP request to the last byte of the PDF; memory is the server process's. */
async function httpReport(url: string, pid: number, auth: Record<string, string>, query: string): Promise<Measure> {
  const result = await measured(async () => {
    const response = await fetch(`${url}/api/reports/command-brief/pdf?${query}`, { headers: auth });
    if (response.status !== 200) throw new Error(`report answered ${response.status}: ${await response.text()}`);
    let bytes = 0;
    const reader = response.body!.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length;
    return bytes;
  }, pid);
  return { seconds: result.seconds, peakRssMb: result.peakRssMb, startRssMb: result.startRssMb, bytes: result.value };
}

/** The report's own query, in the same REPEATABLE READ transaction, its rows read once: no layout, no PDF. */
async function sqlAlone(app: RunningApp, query: string): Promise<Measure> {
  const parameters = Object.fromEntries(new URLSearchParams(query));
  const definition = (app.boot as unknown as { reports: ReportCatalogue }).reports.get('command-brief')!;
  const result = await measured(async () => {
    const runner = app.boot.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const data = await definition.report.query!({
        pluginId: 'core',
        logger: app.boot.logger,
        manager: runner.manager,
        parameters,
        scope: { teams: [], all: true },
      });
      let rows = 0;
      if (data.rows) for await (const _ of data.rows()) rows++;
      await runner.commitTransaction();
      return rows;
    } finally {
      await runner.release();
    }
  });
  return { seconds: result.seconds, peakRssMb: result.peakRssMb, startRssMb: result.startRssMb, rows: result.value };
}

/** Eight teams with their usual ports; returns the port of the first (the detail report's filter). */
async function seedTeams(pool: pg.Pool): Promise<{ port: string }> {
  await pool.query(`CREATE TABLE bench_team AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id AS team, attributes->>'port' AS port FROM (
      SELECT DISTINCT ON (attributes->>'port') id, attributes FROM core.reference_row
       WHERE set_id = 'organisation' AND attributes->>'level' = 'team' AND attributes ? 'port' ORDER BY attributes->>'port', id) t
     LIMIT 8`);
  const rows = (await pool.query<{ port: string }>('SELECT port FROM bench_team WHERE n = 0')).rows;
  return { port: rows[0]!.port };
}

/** PER_MONTH border events spread evenly over 30 days and 8 teams, with terms, plus one OAR per ten events. */
async function seedMonth(pool: pg.Pool, monthStart: string, index: number): Promise<void> {
  const prefix = `BE${index}`;
  await pool.query(
    `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, created_at)
     SELECT $3 || '-' || lpad(i::text, 7, '0'), 'event-at-border', 'event-at-border', 1,
            jsonb_build_object(
              'eventDateTime', to_char(at, 'YYYY-MM-DD"T"HH24:MI'), 'port', t.port, 'transportMode', 'roro-tourist',
              'outcome', CASE WHEN i % 10 = 0 THEN 'seizure' WHEN i % 17 = 0 THEN 'no-show' ELSE 'negative' END,
              'items', CASE WHEN i % 10 = 0 THEN jsonb_build_array(jsonb_build_object('item', 'cigarettes', 'quantity', 200 + i % 800, 'unit', 'sticks'))
                            ELSE '[]'::jsonb END,
              'personsInvolved', false, 'targeted', i % 7 = 0,
              'summary', 'Vehicle examined in the search shed; driver and passengers questioned.'),
            CASE WHEN i % 10 = 0 THEN 'with-intelligence-hub' ELSE 'closed' END, t.team, u.id, at + interval '2 hours'
       FROM generate_series(1, $1::int) i
       CROSS JOIN LATERAL (SELECT $2::timestamp + make_interval(days => (i / 8) % 30, mins => (i * 37) % 1440) AS at) d
       JOIN bench_team t ON t.n = i % 8
       CROSS JOIN (SELECT id FROM core.app_user WHERE username = 'officer') u`,
    [PER_MONTH, monthStart, prefix],
  );
  await pool.query(
    `INSERT INTO core.case_term (case_id, term, path, value, normalised)
     SELECT id, 'event.dateTime', 'eventDateTime', answers->>'eventDateTime',
            to_char(((answers->>'eventDateTime')::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
       FROM core.case WHERE business_key LIKE $1 || '-%'
     UNION ALL
     SELECT id, 'location.port', 'port', answers->>'port', upper(answers->>'port') FROM core.case WHERE business_key LIKE $1 || '-%'`,
    [prefix],
  );
  await pool.query(
    `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, created_at)
     SELECT $3 || '-OAR-' || lpad(i::text, 6, '0'), 'operational-activity', 'operational-activity', 1,
            jsonb_build_object('location', t.port, 'team', t.team), 'submitted', t.team, u.id,
            ($2::timestamp + make_interval(days => i % 30, hours => 20)) AT TIME ZONE 'Europe/London'
       FROM generate_series(1, $1::int / 10) i JOIN bench_team t ON t.n = i % 8
       CROSS JOIN (SELECT id FROM core.app_user WHERE username = 'officer') u`,
    [PER_MONTH, monthStart, prefix],
  );
  await pool.query('ANALYZE core.case');
  await pool.query('ANALYZE core.case_term');
}

async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo-password' }),
  });
  const body = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${body.accessToken}` };
}


await main();
