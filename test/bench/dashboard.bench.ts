// Dashboard benchmark: the managers' dashboard (GET /api/dashboard) and a CSV of a long month.
// Seeds border events at a month of the real platform's traffic, 240,000 a month (BENCH_CASES),
// for four months and a sixth of one the year before: 1,000,000 events in all, with their read
// model (the report benchmark's seeding, report.bench.ts), plus 240,000 hot debriefs in the
// measured month (their read model too), so a summary report lists 240,000 rows.
//   - dashboard: 100 sequential GETs as the manager over HTTP (after 5 warm-up), p50 and p99,
//     against the same-run time of its queries alone: the service called in-process with the
//     manager's scope (every tile's read-model and core queries, no HTTP, no auth), and again
//     with each tile counting a month per query instead of in one pass;
//   - CSV: the hot debrief report for the whole month (240,000 rows listed) and for its first
//     week, and the month's XLSX against its first week, streamed over HTTP and counted as they arrive; time, bytes, rows and the process's
//     peak RSS over its RSS before, so flat memory shows as the same growth for both.
// The core runs in this process (createApp on a free port); RSS is this process's.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../core/src/app.js';
import { loadConfig } from '../../core/src/config/load-config.js';
import { DashboardService } from '../../core/src/dashboard/dashboard.service.js';
import { AccessService } from '../../core/src/identity/access.service.js';
import type { Caller } from '../../core/src/identity/auth.guard.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import type { ReadModelDefinition } from '../../core/src/read-model/read-model.definition.js';
import { syncSql } from '../../core/src/read-model/read-model.sql.js';
import { benchDatabase, percentile, report } from './bench-utils.js';
import { measured, seedMonth, seedTeams } from './report.bench.js';

const PER_MONTH = Number(process.env.BENCH_CASES ?? 240_000);
const MEASURED = '2026-11';
const MONTHS = [
  { month: '2026-11', start: '2026-11-01', days: 30, count: PER_MONTH },
  { month: '2026-10', start: '2026-10-01', days: 31, count: PER_MONTH },
  { month: '2026-09', start: '2026-09-01', days: 30, count: PER_MONTH },
  { month: '2026-08', start: '2026-08-01', days: 31, count: PER_MONTH },
  // The same month last year: what brings the total to 1,000,000 at 240,000 a month.
  { month: '2025-11', start: '2025-11-01', days: 30, count: Math.round(PER_MONTH / 6) },
];
const REQUESTS = 100;
const DEBRIEFS = 'hot-debrief.debriefs-by-category';

async function main(): Promise<void> {
  const bench = await benchDatabase('dashboard');
  const config = loadConfig({
    DATABASE_URL: bench.databaseUrl,
    PORT: '0',
    DEMO_DATA: 'true',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  });
  const app = await createApp(config, createRootLogger('warn'));
  const pool = new pg.Pool({ connectionString: bench.databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    await seedTeams(pool);
    const events = app.boot.registry.get('event-at-border')?.readModel;
    const debriefs = app.boot.registry.get('hot-debrief')?.readModel;
    if (!events || !debriefs) throw new Error('event-at-border and hot-debrief need their read models');
    const seeded = performance.now();
    for (const [i, month] of MONTHS.entries()) await seedMonth(pool, month, i, events, month.count);
    await seedDebriefs(pool, debriefs, PER_MONTH);
    const total = MONTHS.reduce((n, m) => n + m.count, 0);
    process.stdout.write(
      `seeded ${total.toLocaleString('en-GB')} border events and ${PER_MONTH.toLocaleString('en-GB')} hot debriefs with their read models (${((performance.now() - seeded) / 1000).toFixed(0)} s)\n`,
    );

    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manager', password: 'demo-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };

    // The dashboard over HTTP, its figures checked against the seeded month.
    const expected = await expectedEvents(pool);
    const get = async () => {
      const response = await fetch(`${app.url}/api/dashboard?month=${MEASURED}`, { headers });
      if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
      return (await response.json()) as { tiles: { id: string; figures: { value: number }[] }[] };
    };
    const view = await get();
    const tile = view.tiles.find((t) => t.id === 'event-at-border.monthly-events.seizures');
    const figuresOk =
      tile?.figures[0]?.value === expected.events &&
      tile.figures[1]?.value === expected.seizures &&
      view.tiles.find((t) => t.id === 'hot-debrief.debriefs-by-category.summary')?.figures[0]?.value === PER_MONTH;
    for (let i = 0; i < 4; i++) await get();
    const http: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      await get();
      http.push(performance.now() - started);
    }
    // Its queries alone: the service in-process with the manager's scope.
    const managerId = (await pool.query<{ id: string }>("SELECT id FROM core.app_user WHERE username = 'manager'"))
      .rows[0]!.id;
    const scope = await app.app.get(AccessService).scopeOf({ sub: managerId } as Caller);
    const service = app.app.get(DashboardService);
    const timeAlone = async () => {
      for (let i = 0; i < 3; i++) await service.view(scope, { month: MEASURED });
      const times: number[] = [];
      for (let i = 0; i < REQUESTS / 2; i++) {
        const started = performance.now();
        await service.view(scope, { month: MEASURED });
        times.push(performance.now() - started);
      }
      return times;
    };
    const alone = await timeAlone();
    // Each tile with its chart as a query of its own (what a tile whose figures do not add up runs).
    const addedUp = (service as unknown as { addedUp: unknown }).addedUp;
    (service as unknown as { addedUp: () => Promise<undefined> }).addedUp = async () => undefined;
    const perMonth = await timeAlone();
    (service as unknown as { addedUp: unknown }).addedUp = addedUp;
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const dashboard = {
      p50: percentile(sorted(http), 50),
      p99: percentile(sorted(http), 99),
      queriesP50: percentile(sorted(alone), 50),
      queriesP99: percentile(sorted(alone), 99),
      perMonthQueriesP50: percentile(sorted(perMonth), 50),
      perMonthQueriesP99: percentile(sorted(perMonth), 99),
      tiles: view.tiles.length,
      figuresOk,
    };
    process.stdout.write(
      `  dashboard over HTTP: p50 ${dashboard.p50.toFixed(0)} ms, p99 ${dashboard.p99.toFixed(0)} ms (${dashboard.tiles} tiles);` +
        ` its queries alone p50 ${dashboard.queriesP50.toFixed(0)} ms, p99 ${dashboard.queriesP99.toFixed(0)} ms` +
        ` (${(dashboard.p99 / dashboard.queriesP99).toFixed(2)}x at p99); a query per month instead: p50 ${dashboard.perMonthQueriesP50.toFixed(0)} ms,` +
        ` p99 ${dashboard.perMonthQueriesP99.toFixed(0)} ms; figures ${figuresOk ? 'checked' : 'WRONG'}\n`,
    );

    // CSVs streamed: the first week, then the whole month (240,000 rows listed).
    const csv = async (query: string, format = 'csv') => {
      const result = await measured(async () => {
        const response = await fetch(`${app.url}/api/reports/${DEBRIEFS}/${format}?${query}`, { headers });
        if (response.status !== 200) throw new Error(`CSV answered ${response.status}`);
        let bytes = 0;
        let lines = 0;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          for (const b of chunk) if (b === 10) lines++;
        }
        return { bytes, lines };
      });
      return {
        seconds: result.seconds,
        bytes: result.value.bytes,
        lines: result.value.lines,
        startRssMb: result.startRssMb,
        peakRssMb: result.peakRssMb,
        growthMb: result.peakRssMb - result.startRssMb,
      };
    };
    await csv('from=2026-11-01&to=2026-11-02'); // warm-up
    const week = await csv('from=2026-11-01&to=2026-11-07');
    const month = await csv('from=2026-11-01&to=2026-11-30');
    const xlsxWeek = await csv('from=2026-11-01&to=2026-11-07', 'xlsx');
    const xlsx = await csv('from=2026-11-01&to=2026-11-30', 'xlsx');
    for (const [name, m] of [
      ['CSV, first week', week],
      ['CSV, whole month', month],
      ['XLSX, first week', xlsxWeek],
      ['XLSX, whole month', xlsx],
    ] as const)
      process.stdout.write(
        `  ${name} of the hot debriefs: ${name.startsWith('CSV') ? `${m.lines.toLocaleString('en-GB')} lines, ` : ''}${(m.bytes / 2 ** 20).toFixed(1)} MB in ${m.seconds.toFixed(1)} s;` +
          ` peak RSS ${m.peakRssMb.toFixed(0)} MB from ${m.startRssMb.toFixed(0)} MB (+${m.growthMb.toFixed(0)} MB)\n`,
      );
    const rowsOk = month.lines > PER_MONTH;
    await report(
      'dashboard',
      `dashboard: p99 ${dashboard.p99.toFixed(0)} ms over HTTP for a manager at ${PER_MONTH.toLocaleString('en-GB')} cases a month, ${total.toLocaleString('en-GB')} in all` +
        ` (${(dashboard.p99 / dashboard.queriesP99).toFixed(2)}x its queries alone, p99 ${dashboard.queriesP99.toFixed(0)} ms);` +
        ` CSV of ${month.lines.toLocaleString('en-GB')} lines in ${month.seconds.toFixed(1)} s, RSS +${month.growthMb.toFixed(0)} MB` +
        ` (+${week.growthMb.toFixed(0)} MB for a quarter of the rows); XLSX RSS +${xlsx.growthMb.toFixed(0)} MB (+${xlsxWeek.growthMb.toFixed(0)} MB for a quarter)` +
        `${figuresOk && rowsOk ? '' : ' CHECKS FAILED'}`,
      {
        measuredAt: new Date().toISOString(),
        perMonth: PER_MONTH,
        total,
        dashboard,
        csv: { week, month },
        xlsx: { week: xlsxWeek, month: xlsx },
        http,
        alone,
      },
    );
    if (!figuresOk || !rowsOk) process.exitCode = 1;
  } finally {
    await app.close();
    await pool.end();
    await bench.close();
  }
}

/** The measured month's events and seizures counted from the seeded answers (UK month, by the event's time). */
async function expectedEvents(pool: pg.Pool): Promise<{ events: number; seizures: number }> {
  const { rows } = await pool.query<{ events: string; seizures: string }>(
    `SELECT count(*) AS events, count(*) FILTER (WHERE answers->>'outcome' = 'seizure') AS seizures
       FROM core.case WHERE plugin_id = 'event-at-border'
        AND answers->>'eventDateTime' >= '2026-11-01' AND answers->>'eventDateTime' < '2026-12-01'`,
  );
  return { events: Number(rows[0]!.events), seizures: Number(rows[0]!.seizures) };
}

/** `count` hot debriefs spread over the measured month on the seeding teams, with their read model. */
async function seedDebriefs(pool: pg.Pool, readModel: ReadModelDefinition, count: number): Promise<void> {
  await pool.query(
    `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, created_at)
     SELECT 'HD-BENCH-' || lpad(i::text, 7, '0'), 'hot-debrief', 'hot-debrief', 1,
            jsonb_build_object('category', (ARRAY['safety', 'training', 'equipment', 'process', 'welfare'])[1 + i % 5],
              'occurredAt', to_char(at, 'YYYY-MM-DD"T"HH24:MI'), 'port', t.port, 'team', t.team,
              'description', 'Lane barrier failed to lower while a car was being searched.', 'actionNeeded', i % 3 = 0),
            CASE WHEN i % 4 = 0 THEN 'reviewed' ELSE 'submitted' END, t.team, u.id, at + interval '1 hour'
       FROM generate_series(1, $1::int) i
       CROSS JOIN LATERAL (SELECT '2026-11-01'::timestamp + make_interval(secs => ((i::bigint * 7919) % $1) * (30 * 86400 / $1::float8)) AS at) d
       JOIN bench_team t ON t.n = i % 24
       CROSS JOIN (SELECT id FROM core.app_user WHERE username = 'officer') u`,
    [count],
  );
  await pool.query(syncSql(readModel, `c.plugin_id = 'hot-debrief' AND c.business_key LIKE 'HD-BENCH-%'`));
  for (const table of ['core.case', 'plugin_hot_debrief.read_case']) await pool.query(`VACUUM (ANALYZE) ${table}`);
}

await main();
