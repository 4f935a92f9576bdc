// Task queue benchmark: queues paged with the keyset cursor over HTTP, with 1,000,000 tasks in
// the database: an officer's team queue and a manager's command queue (every team of the
// command), by priority and by due date, against the team queue's SQL alone in the same run.
// Pages deep into a queue must cost what the first page costs.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../core/src/app.js';
import { loadConfig } from '../../core/src/config/load-config.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import { Organisation } from '../../core/src/terms/organisation.js';
import type { ReferenceRow } from '../../core/src/terms/reference-data/index.js';
import { benchDatabase, percentile, report } from './bench-utils.js';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const PER_CASE = 10;
const PAGES = 40;
const TEAM = 'dover-tourist-controls-team-1';

async function main(): Promise<void> {
  const bench = await benchDatabase('tasks');
  const { databaseUrl } = bench;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    DEMO_DATA: 'true',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  });
  const app = await createApp(config, createRootLogger('warn'));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  try {
    const seeded = performance.now();
    const teamShare = await seed(pool, TASKS);
    process.stdout.write(
      `seeded ${TASKS.toLocaleString('en-GB')} tasks (${teamShare.toLocaleString('en-GB')} open for the team) in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`,
    );
    const signIn = async (username: string) => {
      const login = (await (
        await fetch(`${app.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'demo-password' }),
        })
      ).json()) as { accessToken: string };
      return { authorization: `Bearer ${login.accessToken}` };
    };
    const officer = await signIn('officer');
    const manager = await signIn('manager');
    const commandOpen = await openInCommand(pool, TEAM);
    await walk(app.url, officer, 5, 'priority'); // warm-up
    await walk(app.url, manager, 5, 'priority');
    const queues = {
      team: await walk(app.url, officer, PAGES, 'priority'),
      teamByDue: await walk(app.url, officer, PAGES, 'due'),
      command: await walk(app.url, manager, PAGES, 'priority'),
      commandByDue: await walk(app.url, manager, PAGES, 'due'),
    };
    const sql = await sqlWalk(pool, PAGES);
    const line = (name: string, t: { first: number; deep: number[] }) =>
      `  ${name}: first page ${t.first.toFixed(1)} ms; pages 2–${PAGES} p50 ${percentile(t.deep, 50).toFixed(1)} ms, p99 ${percentile(t.deep, 99).toFixed(1)} ms`;
    process.stdout.write(
      [
        line(`officer's team queue, by priority (${teamShare.toLocaleString('en-GB')} open)`, queues.team),
        line("officer's team queue, by due date", queues.teamByDue),
        line(
          `manager's command queue, by priority (${commandOpen.teams} teams, ${commandOpen.open.toLocaleString('en-GB')} open)`,
          queues.command,
        ),
        line("manager's command queue, by due date", queues.commandByDue),
        line('baseline: the team queue SQL alone', sql),
      ].join('\n') + '\n',
    );
    const base = percentile(sql.deep, 99);
    const worst = Object.entries(queues)
      .map(([name, t]) => ({ name, p99: percentile(t.deep, 99) }))
      .sort((a, b) => b.p99 - a.p99)[0]!;
    await report(
      'tasks',
      `tasks: p99 ${percentile(queues.team.deep, 99).toFixed(1)} ms a page deep in a team queue, worst queue (${worst.name}) ${worst.p99.toFixed(1)} ms, at ${TASKS.toLocaleString('en-GB')} tasks (${(worst.p99 / base).toFixed(1)}x the team queue SQL alone, ${base.toFixed(1)} ms)`,
      { measuredAt: new Date().toISOString(), tasks: TASKS, teamOpen: teamShare, commandOpen, queues, sql },
    );
  } finally {
    await app.close();
    await pool.end();
    await bench.close();
  }
}

/** Cases and their tasks spread over every team; a share open, the rest completed. */
async function seed(pool: pg.Pool, tasks: number): Promise<number> {
  const cases = Math.ceil(tasks / PER_CASE);
  await pool.query(
    `
    INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
    SELECT 'BENCH-' || g, 'hot-debrief', 'hot-debrief', 1, '{}'::jsonb, 'submitted',
           (SELECT id FROM core.reference_row WHERE set_id = 'teams' ORDER BY id OFFSET (g % 55) LIMIT 1),
           (SELECT id FROM core.app_user WHERE username = 'officer')
      FROM generate_series(1, $1) g`,
    [cases],
  );
  await pool.query(
    `
    INSERT INTO core.task (case_id, plugin_id, state_id, title, status, team_id, priority, priority_rank, due_at, created_at)
    SELECT c.id, 'hot-debrief', 'submitted', 'Review hot debrief',
           CASE WHEN random() < 0.7 THEN 'open' ELSE 'completed' END, c.team_id,
           (ARRAY['low', 'medium', 'high', 'urgent'])[r], r, now() + (g || ' hours')::interval, now() - (random() * interval '30 days')
      FROM core.case c, generate_series(1, $1) g, LATERAL (SELECT 1 + floor(random() * 4)::int AS r) p
     WHERE c.business_key LIKE 'BENCH-%'`,
    [PER_CASE],
  );
  await pool.query('ANALYZE core.task');
  const open = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM core.task WHERE team_id = $1 AND status = 'open'`,
    [TEAM],
  );
  return Number(open.rows[0]!.n);
}

/** How many teams the manager sees (every team of their command) and how many open tasks those teams hold. */
async function openInCommand(pool: pg.Pool, team: string): Promise<{ teams: number; open: number }> {
  const rows = await pool.query<ReferenceRow>(
    `SELECT id, label, parent, attributes FROM core.reference_row WHERE set_id = 'organisation'`,
  );
  const organisation = new Organisation(rows.rows);
  const teams = organisation.teamsInCommand(organisation.commandOf(team)!);
  const open = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM core.task WHERE team_id = ANY($1) AND status = 'open'`,
    [teams],
  );
  return { teams: teams.length, open: Number(open.rows[0]!.n) };
}

async function walk(
  url: string,
  auth: Record<string, string>,
  pages: number,
  sort: 'priority' | 'due',
): Promise<{ first: number; deep: number[] }> {
  let cursor: string | null = null;
  const times: number[] = [];
  for (let i = 0; i < pages; i++) {
    const started = performance.now();
    const response = await fetch(
      `${url}/api/tasks?scope=team&sort=${sort}&limit=25${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: auth },
    );
    const body = (await response.json()) as { tasks: unknown[]; nextCursor: string | null };
    times.push(performance.now() - started);
    if (response.status !== 200 || body.tasks.length !== 25)
      throw new Error(`page ${i + 1} answered ${response.status} with ${body.tasks.length} tasks`);
    cursor = body.nextCursor;
  }
  return { first: times[0]!, deep: times.slice(1).sort((a, b) => a - b) };
}

/** The same keyset walk as plain SQL (what the repository runs for the team queue). */
async function sqlWalk(pool: pg.Pool, pages: number): Promise<{ first: number; deep: number[] }> {
  let after: { rank: number; created: string; id: string } | undefined;
  const times: number[] = [];
  for (let i = 0; i < pages; i++) {
    const started = performance.now();
    const params: unknown[] = [TEAM];
    let where = `t.status = 'open' AND t.team_id = $1`;
    if (after) {
      where += ` AND (t.priority_rank < $2::int OR (t.priority_rank = $2::int AND (t.created_at, t.id) > ($3::timestamptz, $4::uuid)))`;
      params.push(after.rank, after.created, after.id);
    }
    const rows = await pool.query<{ priority_rank: number; created: string; id: string }>(
      `SELECT t.*, t.created_at::text AS created FROM core.task t JOIN core.case c ON c.id = t.case_id
        WHERE ${where} ORDER BY t.priority_rank DESC, t.created_at, t.id LIMIT 26`,
      params,
    );
    times.push(performance.now() - started);
    const last = rows.rows[24]!;
    after = { rank: last.priority_rank, created: last.created, id: last.id };
  }
  return { first: times[0]!, deep: times.slice(1).sort((a, b) => a - b) };
}

await main();
