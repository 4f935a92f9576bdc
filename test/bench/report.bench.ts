// Report benchmark: the monthly events-at-the-border report (event-at-border.monthly-events)
// over a month of the real platform's traffic, 240,000 border events seeded as cases WITH the
// core's read model of them (plugin_event_at_border.read_case, read_case_items, written by the
// statement the core runs in every submission), then again after a second month is seeded
// (480,000). Measured through the real HTTP path, as a manager: POST a run, poll it, download
// the PDF. Three reports at each size:
//   - summary: the whole month for the manager's command (every seeded event is in it);
//   - detail:  the month for one team, with its 10,000 events listed in a streamed table;
//   - brief:   the monthly Command brief (cross-workflow, core tables only).
// Baseline in the same run: each report's own query alone (in-process, with the context the core
// gives it — ctx.cases over the scoped read model — in the same REPEATABLE READ transaction
// shape, streamed rows read once; no layout, no PDF). Peak memory is the RSS of the server
// process (the core built into a private folder, in its own process), sampled every 10 ms.
// Every PDF's text (pdftotext) is checked against totals counted straight from the seeded cases.
import { ReportRenderer } from '../../core/src/reports/report-renderer.js';
import type { ReadModelDefinition } from '../../core/src/read-model/read-model.definition.js';
import { syncSql } from '../../core/src/read-model/read-model.sql.js';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createApp, type RunningApp } from '../../core/src/app.js';
import { loadConfig } from '../../core/src/config/load-config.js';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import type { ReportCatalogue } from '../../core/src/reports/report-catalogue.js';
import { benchDatabase, report } from './bench-utils.js';
import { startAndWait, stop } from './load.js';

const PER_MONTH = Number(process.env.BENCH_CASES ?? 240_000);
/** The last PDF of each report, to look at. */
const KEPT = join('test-output', 'bench-report');
const MONTHS = [
  { month: '2026-11', start: '2026-11-01', days: 30 },
  { month: '2026-10', start: '2026-10-01', days: 31 },
];
const MEASURED_MONTH = MONTHS[0]!;
/**
 * Teams of the manager's command (South East and Europe Command) by share of the traffic, in
 * 24ths: the detail team has one share, so 10,000 events a month at 240,000.
 */
const DETAIL_TEAM = 'dover-tourist-controls-team-2';
const TEAM_SHARES: [team: string, shares: number][] = [
  [DETAIL_TEAM, 1],
  ['dover-tourist-controls-team-1', 5],
  ['dover-freight-team-a', 4],
  ['dover-freight-team-b', 3],
  ['coquelles-tourist-team', 3],
  ['calais-ferry-team', 2],
  ['st-pancras-team', 3],
  ['paris-gare-du-nord-team', 1],
  ['thames-estuary-ports-team', 2],
];
/** Items seized: one to three lines per seizure, cycling through these. */
const ITEMS: [item: string, unit: string, base: number][] = [
  ['cigarettes', 'sticks', 200],
  ['cocaine', 'kg', 1],
  ['cash-sterling', 'GBP', 1000],
];

type Kind = 'summary' | 'detail' | 'brief';
const REPORTS: Record<Kind, { id: string; parameters: Record<string, string> }> = {
  summary: { id: 'event-at-border.monthly-events', parameters: { month: MEASURED_MONTH.month } },
  detail: { id: 'event-at-border.monthly-events', parameters: { month: MEASURED_MONTH.month, team: DETAIL_TEAM } },
  brief: { id: 'command-brief', parameters: { from: '2026-11-01', to: '2026-11-30' } },
};

interface Measure {
  seconds: number;
  peakRssMb: number;
  /** RSS when the measurement started. */
  startRssMb: number;
  bytes?: number;
  pages?: number;
  rows?: number;
}

async function main(): Promise<void> {
  const bench = await benchDatabase('report');
  const { work, databaseUrl } = bench;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    DEMO_DATA: 'true',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  });
  // The in-process core installs the schema (plugins included), seeds the demo users and gives
  // the baseline direct access to each report's query. The measured server is the core built
  // into a private folder (dist/ is shared with other work) and run in its own process.
  const app = await createApp(config, createRootLogger('warn'));
  const entry = buildPrivately(work);
  const serverPort = await freePort();
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const serverEnv = {
    DATABASE_URL: databaseUrl,
    PORT: String(serverPort),
    AUTH_TOKEN_SECRET: config.AUTH_TOKEN_SECRET.join(','),
    AUDIT_SEAL_KEYS: config.AUDIT_SEAL_KEYS.join(','),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
  };
  // Each report is measured in a freshly started server (after one warm-up run of the same
  // report), so its peak is its own and not what earlier reports left on the heap.
  let server: Awaited<ReturnType<typeof startAndWait>> | undefined;
  const freshServer = async (): Promise<number> => {
    if (server) await stop(server);
    server = await startAndWait('node', [entry], serverEnv, `${serverUrl}/health/ready`, 60_000);
    return server.pid!;
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined); // the server stops at the end; idle clients see it go
  let failed = false;
  try {
    await freshServer();
    const auth = await signIn(serverUrl, 'manager');
    await seedTeams(pool);
    const readModel = app.boot.registry.get('event-at-border')?.readModel;
    if (!readModel) throw new Error('event-at-border has no read model: its start form marks no field for reporting');
    const results: Record<string, unknown>[] = [];
    for (let m = 0; m < MONTHS.length; m++) {
      const seeded = performance.now();
      await seedMonth(pool, MONTHS[m]!, m, readModel);
      const total = PER_MONTH * (m + 1);
      process.stdout.write(
        `seeded ${total.toLocaleString('en-GB')} border events with their read model (${((performance.now() - seeded) / 1000).toFixed(1)} s)\n`,
      );
      const expected = await expectedTotals(pool);
      const row: Record<string, unknown> = { cases: total, expected };
      for (const kind of ['summary', 'detail', 'brief'] as const) {
        const serverPid = await freshServer();
        await httpReport(serverUrl, serverPid, auth, kind); // warm-up: JIT, fonts, plan cache
        const measuredReport = await httpReport(serverUrl, serverPid, auth, kind);
        const problems = checkPdf(kind, measuredReport.text, expected);
        if (problems.length > 0) {
          failed = true;
          process.stdout.write(`  ${kind}: PDF text is wrong: ${problems.join('; ')}\n`);
        }
        const baseline = await sqlAlone(app, kind, auth.teams);
        row[kind] = { report: measuredReport.measure, baseline, textChecks: problems.length === 0 ? 'ok' : problems };
        process.stdout.write(
          `  ${total.toLocaleString('en-GB')} cases, ${kind}: ${measuredReport.measure.seconds.toFixed(2)} s, ${measuredReport.measure.pages} pages,` +
            ` server peak RSS ${measuredReport.measure.peakRssMb.toFixed(0)} MB from ${measuredReport.measure.startRssMb.toFixed(0)} MB` +
            ` (query alone ${baseline.seconds.toFixed(2)} s, ${baseline.rows ?? 0} rows; ${(measuredReport.measure.seconds / baseline.seconds).toFixed(1)}x)` +
            `; PDF totals ${problems.length === 0 ? 'checked' : 'WRONG'}\n`,
        );
      }
      results.push(row);
    }
    type Row = Record<Kind, { report: Measure; baseline: Measure }> & { cases: number };
    const [first, last] = results as [Row, Row];
    for (const kind of ['summary', 'detail', 'brief'] as const)
      process.stdout.write(
        `  ${kind} at ${last.cases.toLocaleString('en-GB')} / at ${first.cases.toLocaleString('en-GB')}: time ${(last[kind].report.seconds / first[kind].report.seconds).toFixed(2)}x,` +
          ` peak RSS ${(last[kind].report.peakRssMb / first[kind].report.peakRssMb).toFixed(2)}x\n`,
      );
    const s = last.summary;
    await report(
      'report',
      `report: ${s.report.seconds.toFixed(2)} s monthly events summary at ${last.cases.toLocaleString('en-GB')} cases, server peak RSS ${s.report.peakRssMb.toFixed(0)} MB` +
        ` (${(s.report.seconds / s.baseline.seconds).toFixed(1)}x baseline of ${s.baseline.seconds.toFixed(2)} s query alone;` +
        ` ${(s.report.seconds / first.summary.report.seconds).toFixed(2)}x the time and ${(s.report.peakRssMb / first.summary.report.peakRssMb).toFixed(2)}x the memory at half the data;` +
        ` 10,000-row detail ${last.detail.report.seconds.toFixed(2)} s, ${last.detail.report.peakRssMb.toFixed(0)} MB)${failed ? ' PDF CHECKS FAILED' : ''}`,
      { measuredAt: new Date().toISOString(), perMonth: PER_MONTH, detailTeam: DETAIL_TEAM, results },
    );
  } finally {
    if (server) await stop(server);
    await app.close();
    await pool.end();
    await bench.close();
  }
  if (failed) process.exitCode = 1;
}

/**
 * Compiles the core, plugins and shared reports into `<work>/dist` (as `npm run build:server`
 * does into dist/) so the measured server is this tree's code. Returns the entry point.
 */
function buildPrivately(work: string): string {
  const out = join(work, 'dist');
  const started = performance.now();
  const sources = ['core', 'plugins', 'reports'];
  const result = spawnSync(
    'npx',
    ['swc', ...sources, '-d', out, '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--quiet'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('the private build failed');
  for (const dir of sources) cpSync(dir, join(out, dir), { recursive: true, filter: (s) => !s.endsWith('.ts') });
  // ESM needs "type": "module" above the compiled files, and node_modules to resolve packages.
  writeFileSync(join(work, 'package.json'), readFileSync('package.json'));
  symlinkSync(resolve('node_modules'), join(work, 'node_modules'), 'dir');
  process.stdout.write(`built the core into ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return join(out, 'core', 'src', 'main.js');
}

/** Resident memory of a process (this one when no pid), in bytes. */
function rssOf(pid?: number): number {
  if (pid === undefined) return process.memoryUsage.rss();
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}

/** Samples the RSS of the process (the server's when a pid is given) while `work` runs; returns its seconds and the peak. */
export async function measured<T>(
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

interface Auth {
  headers: Record<string, string>;
  /** The manager's data scope (teams of their command), for the baseline. */
  teams: string[];
}

/**
 * The whole path as the shell takes it: POST a run as the manager, poll it every 20 ms, download
 * the PDF. Memory is the server process's. Returns the measure and the PDF's text.
 */
async function httpReport(
  url: string,
  pid: number,
  auth: Auth,
  kind: Kind,
): Promise<{ measure: Measure; text: string }> {
  const { id, parameters } = REPORTS[kind];
  const result = await measured(async () => {
    const created = await fetch(`${url}/api/reports/${id}/runs`, {
      method: 'POST',
      headers: { ...auth.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ parameters }),
    });
    if (created.status !== 202) throw new Error(`${kind}: run answered ${created.status}: ${await created.text()}`);
    const runId = ((await created.json()) as { id: string }).id;
    let run: { status: string; pdf: string | null; pages: number | null; error: string | null };
    const until = Date.now() + 600_000;
    for (;;) {
      run = (await (await fetch(`${url}/api/reports/runs/${runId}`, { headers: auth.headers })).json()) as typeof run;
      if (run.status === 'done' || run.status === 'failed') break;
      if (Date.now() > until) throw new Error(`${kind}: run ${runId} did not finish in 10 minutes`);
      await new Promise((r) => setTimeout(r, 20));
    }
    if (run.status !== 'done') throw new Error(`${kind}: run ${runId} failed: ${run.error}`);
    const response = await fetch(`${url}${run.pdf!}`, { headers: auth.headers });
    if (response.status !== 200) throw new Error(`${kind}: download answered ${response.status}`);
    const pdf = Buffer.from(await response.arrayBuffer());
    return { pdf, pages: run.pages ?? 0 };
  }, pid);
  // Kept (test-output/ is ignored by git) to look at: pdftoppm -r 60 -png <file> <prefix>.
  mkdirSync(KEPT, { recursive: true });
  const file = join(KEPT, `${kind}.pdf`);
  writeFileSync(file, result.value.pdf);
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 2 ** 20 });
  if (text.status !== 0) throw new Error(`pdftotext failed: ${text.stderr}`);
  return {
    measure: {
      seconds: result.seconds,
      peakRssMb: result.peakRssMb,
      startRssMb: result.startRssMb,
      bytes: result.value.pdf.length,
      pages: result.value.pages,
    },
    text: text.stdout,
  };
}

/** The report's own query, in the same REPEATABLE READ transaction, its rows read once: no layout, no PDF. */
async function sqlAlone(app: RunningApp, kind: Kind, teams: string[]): Promise<Measure> {
  const { id, parameters } = REPORTS[kind];
  const definition = (app.boot as unknown as { reports: ReportCatalogue }).reports.get(id)!;
  const scopeTeams = parameters.team ? [parameters.team] : teams;
  const result = await measured(async () => {
    const runner = app.boot.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const context = await app.app
        .get(ReportRenderer)
        .queryContext(definition, { parameters, scopeTeams }, runner.manager);
      const data = await definition.report.query!(context);
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

interface Expected {
  events: number;
  seizures: number;
  noShows: number;
  negatives: number;
  detailEvents: number;
  detailItems: number;
  oars: number;
  cigarettes: string;
}

/** The measured month's totals counted straight from the seeded cases' answers (not through any report query). */
async function expectedTotals(pool: pg.Pool): Promise<Expected> {
  const { start } = MEASURED_MONTH;
  const [row] = (
    await pool.query<Record<keyof Expected, string>>(
      `WITH ev AS (SELECT c.team_id, c.answers FROM core.case c
                    WHERE c.plugin_id = 'event-at-border' AND (c.answers->>'eventDateTime') >= $1
                      AND (c.answers->>'eventDateTime') < to_char($1::date + interval '1 month', 'YYYY-MM-DD'))
       SELECT count(*) AS events,
              count(*) FILTER (WHERE answers->>'outcome' = 'seizure') AS seizures,
              count(*) FILTER (WHERE answers->>'outcome' = 'no-show') AS "noShows",
              count(*) FILTER (WHERE answers->>'outcome' = 'negative') AS negatives,
              count(*) FILTER (WHERE team_id = $2) AS "detailEvents",
              coalesce(sum(jsonb_array_length(answers->'items')) FILTER (WHERE team_id = $2), 0) AS "detailItems",
              (SELECT coalesce(sum((i->>'quantity')::numeric), 0) FROM ev, jsonb_array_elements(ev.answers->'items') i
                WHERE i->>'item' = 'cigarettes') AS cigarettes,
              (SELECT count(*) FROM core.case o WHERE o.plugin_id = 'operational-activity'
                  AND o.created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/London')
                  AND o.created_at < (($1::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/London')) AS oars
         FROM ev`,
      [start, DETAIL_TEAM],
    )
  ).rows;
  return {
    events: Number(row!.events),
    seizures: Number(row!.seizures),
    noShows: Number(row!.noShows),
    negatives: Number(row!.negatives),
    detailEvents: Number(row!.detailEvents),
    detailItems: Number(row!.detailItems),
    oars: Number(row!.oars),
    cigarettes: Number(row!.cigarettes).toLocaleString('en-GB'),
  };
}

/** Checks the PDF's text against the expected totals; returns what is wrong. */
function checkPdf(kind: Kind, text: string, e: Expected): string[] {
  const n = (v: number) => v.toLocaleString('en-GB');
  const expectations: [string, RegExp][] =
    kind === 'summary'
      ? [
          ['title', /Monthly events at the border/],
          ['marking', /OFFICIAL-SENSITIVE/],
          ['events', new RegExp(`Events at the border\\s+${n(e.events)}\\b`)],
          ['seizures', new RegExp(`Seizures\\s+${n(e.seizures)} \\(`)],
          ['no shows', new RegExp(`No shows\\s+${n(e.noShows)} \\(`)],
          ['negatives', new RegExp(`Negatives\\s+${n(e.negatives)} \\(`)],
          [
            'all ports row',
            new RegExp(`All ports\\s+${n(e.seizures)}\\s+${n(e.negatives)}\\s+${n(e.noShows)}\\s+${n(e.events)}`),
          ],
          ['cigarettes seized', new RegExp(`Cigarettes\\s+${e.cigarettes} sticks`)],
          ['events not listed', /Events listed\s+None: more than/],
        ]
      : kind === 'detail'
        ? [
            ['events', new RegExp(`Events at the border\\s+${n(e.detailEvents)}\\b`)],
            ['team', /Team\s+Dover Tourist Controls Team 2/],
            ['every event listed', /Every event in the month/],
            ['items total', new RegExp(`Total\\s+${n(e.detailItems)}\\s*$`, 'm')],
          ]
        : [
            ['title', /Command brief/],
            ['border events', new RegExp(`Border events\\s+${n(e.events)}\\b`)],
            ['OARs', new RegExp(`OARs raised\\s+${n(e.oars)}\\b`)],
          ];
  const problems = expectations.filter(([, pattern]) => !pattern.test(text)).map(([what]) => what);
  if (!/Page 1 of \d+/.test(text)) problems.push('page numbers');
  return problems;
}

/** The seeding teams, with their usual port, and their slots out of 24. */
export async function seedTeams(pool: pg.Pool): Promise<void> {
  const slots = TEAM_SHARES.flatMap(([team, shares]) => Array.from({ length: shares }, () => team));
  if (slots.length !== 24) throw new Error('team shares must add up to 24');
  await pool.query(
    `CREATE TABLE bench_team AS
     SELECT s.slot - 1 AS n, r.id AS team, r.attributes->>'port' AS port
       FROM unnest($1::text[]) WITH ORDINALITY AS s(team, slot)
       JOIN core.reference_row r ON r.set_id = 'organisation' AND r.id = s.team`,
    [slots],
  );
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_team WHERE port IS NOT NULL');
  if (rows[0]!.n !== 24) throw new Error('a seeding team is missing from the organisation reference data');
  const items = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM core.reference_row WHERE set_id = 'items' AND id = ANY($1)",
    [ITEMS.map(([item]) => item)],
  );
  if (items.rows[0]!.n !== ITEMS.length) throw new Error('a seeded item is missing from the items reference data');
}

/**
 * PER_MONTH border events spread over the month (a multiplicative step visits every second of
 * it in a scattered order), over the teams by their shares; one in ten a seizure with one to
 * three items, about one in seventeen a no show. Written as the submission would: the case, its
 * terms, and its read model row with one row per item (the core's own sync statement, run once for
 * the month's cases). Plus one OAR per ten events (core rows only: the Command brief reads those).
 */
export async function seedMonth(
  pool: pg.Pool,
  month: (typeof MONTHS)[number],
  index: number,
  readModel: ReadModelDefinition,
  count = PER_MONTH,
): Promise<void> {
  const prefix = `BF-${month.month.replace('-', '')}${index}`;
  await pool.query(
    `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, created_at)
     SELECT $3 || '-' || lpad(i::text, 7, '0'), 'event-at-border', 'event-at-border', 1,
            jsonb_build_object(
              'eventDateTime', to_char(at, 'YYYY-MM-DD"T"HH24:MI'), 'port', t.port,
              'transportMode', CASE WHEN t.team LIKE '%freight%' THEN 'roro-freight' ELSE 'roro-tourist' END,
              'outcome', outcome,
              'items', CASE WHEN outcome = 'seizure' THEN (
                  SELECT jsonb_agg(jsonb_build_object('item', a[1 + 3 * j], 'unit', a[2 + 3 * j], 'quantity', a[3 + 3 * j]::int * (1 + i % 7)) ORDER BY k)
                    FROM generate_series(0, (i / 10) % 3) k, LATERAL (SELECT (i / 10 + k) % 3 AS j, $5::text[] AS a) x)
                ELSE '[]'::jsonb END,
              'concealmentMethod', CASE WHEN outcome = 'seizure' THEN 'vehicle-natural-void' END,
              'detectionMethod', CASE WHEN outcome = 'seizure' THEN 'physical-search' END,
              'personsInvolved', false, 'targeted', i % 7 = 0,
              'summary', 'Vehicle examined in the search shed; driver and passengers questioned.'),
            CASE WHEN outcome = 'seizure' THEN 'with-intelligence-hub' ELSE 'closed' END, t.team, u.id, at + interval '2 hours'
       FROM generate_series(1, $1::int) i
       CROSS JOIN LATERAL (SELECT $2::timestamp + make_interval(secs => ((i::bigint * 7919) % $1) * ($4::int * 86400 / $1::float8)) AS at,
                                  CASE WHEN i % 10 = 0 THEN 'seizure' WHEN i % 17 = 0 THEN 'no-show' ELSE 'negative' END AS outcome) d
       JOIN bench_team t ON t.n = i % 24
       CROSS JOIN (SELECT id FROM core.app_user WHERE username = 'officer') u`,
    [count, month.start, prefix, month.days, ITEMS.flat().map(String)],
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
  // The read model rows the core writes in each submission's transaction (read-model.sql.ts).
  await pool.query(syncSql(readModel, `c.plugin_id = 'event-at-border' AND c.business_key LIKE $1 || '-%'`), [prefix]);
  await pool.query(
    `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, created_at)
     SELECT $3 || '-OAR-' || lpad(i::text, 6, '0'), 'operational-activity', 'operational-activity', 1,
            jsonb_build_object('location', t.port, 'team', t.team), 'submitted', t.team, u.id,
            ($2::timestamp + make_interval(days => i % $4::int, hours => 20)) AT TIME ZONE 'Europe/London'
       FROM generate_series(1, $1::int / 10) i JOIN bench_team t ON t.n = i % 24
       CROSS JOIN (SELECT id FROM core.app_user WHERE username = 'officer') u`,
    [count, month.start, prefix, month.days],
  );
  // As autovacuum would have by the time anyone runs a report over a month.
  for (const table of [
    'core.case',
    'core.case_term',
    'plugin_event_at_border.read_case',
    'plugin_event_at_border.read_case_items',
  ])
    await pool.query(`VACUUM (ANALYZE) ${table}`);
}

async function signIn(url: string, username: string): Promise<Auth> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-password' }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
  const body = (await response.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${body.accessToken}` };
  const teams = TEAM_SHARES.map(([team]) => team);
  return { headers, teams };
}

// Run as `npm run bench -- report`; imported by other benchmarks for its seeding only.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
