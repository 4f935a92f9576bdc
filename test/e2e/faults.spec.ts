import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { startInstance, waitForReady, type CoreInstance } from '../../scripts/cluster/instances.js';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { signIn } from '../utils/app.js';
import { startPrivatePostgres, type PrivatePostgres } from '../utils/private-postgres.js';

const ROOT = resolve(process.cwd());
const SECRET = 'test-faults-cerberus-secret-aaaaaaaaaaaaaaaaaaaa';
const WORKERS = 6;
/** How long a client keeps retrying one submission before it counts it lost. */
const GIVE_UP_MS = 60_000;

/** What the clients of one phase were answered. */
interface Tally {
  keys: string[];
  /** The case each key was answered with (201 or 200). */
  caseOf: Map<string, string>;
  created: number;
  replayed: number;
  retried: number;
  unavailable: number;
  /** 503s without a numeric Retry-After. */
  noRetryAfter: number;
  serverErrors: string[];
  /** Answers that were neither a case nor a 503 (a 4xx, say): the submission was not taken. */
  refused: string[];
  connectionErrors: number;
}

const newTally = (): Tally => ({
  keys: [],
  caseOf: new Map(),
  created: 0,
  replayed: 0,
  retried: 0,
  unavailable: 0,
  noRetryAfter: 0,
  serverErrors: [],
  refused: [],
  connectionErrors: 0,
});

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ready = (instance: CoreInstance) =>
  fetch(`http://127.0.0.1:${instance.port}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status === 200,
    () => false,
  );

/**
 * The faults issue 20 was tried with, on a PostgreSQL of the spec's own (Debian's binaries on a
 * free port: the machine's shared server is never touched) and two core instances in processes
 * of their own, so that SIGKILL, SIGSTOP and SIGCONT reach a real process:
 *
 * 1. PostgreSQL is restarted (`pg_ctl restart -m fast`) under load;
 * 2. PostgreSQL crashes (`pg_ctl stop -m immediate`) under load and is started 3 s later;
 * 3. an instance holding outbox claims is frozen (SIGSTOP) past its lease while the other delivers
 *    them to the Cerberus simulator, then woken (SIGCONT) to report its own late failures;
 * 4. PostgreSQL restarts while an instance is frozen, and a plugin is disabled meanwhile;
 * 5. one instance is killed (SIGKILL) during keyed submissions, which the client retries on the
 *    other (last: the spec does not start it again).
 *
 * Throughout: no submission lost, none stored twice, no 500 (503 with Retry-After is the answer
 * while the database is away), no delivered outcome marked dead, and the plugin disabled on every
 * instance. Each phase prints one line of counts.
 */
describe('faults: two instances on one PostgreSQL', () => {
  let db: PrivatePostgres;
  let sim: CerberusSimulator;
  let env: Record<string, string>;
  let officer: Record<string, string>;
  const instances: CoreInstance[] = [];
  const output: string[] = [];
  const linesOf = (name: string, message: string) =>
    output.filter((line) => line.startsWith(`[${name}] `) && line.includes(`"msg":"${message}`)).length;

  const start = async (i: number, port: number) => {
    instances[i] = startInstance({
      root: ROOT,
      name: `core${i + 1}`,
      port,
      from: 'source',
      env,
      onOutput: (name, line) => output.push(`[${name}] ${line}`),
    });
    await Promise.race([
      waitForReady(`http://127.0.0.1:${port}/health/ready`, 120_000),
      instances[i]!.exited.then((how) => {
        throw new Error(`core${i + 1} exited (${how}) while starting:\n${output.slice(-20).join('\n')}`);
      }),
    ]);
  };
  const url = (i: number) => `http://127.0.0.1:${instances[i]!.port}`;

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await startPrivatePostgres('cop_faults');
    sim = new CerberusSimulator({ secret: SECRET });
    await sim.start();
    env = {
      DATABASE_URL: db.url,
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
      CERBERUS_SECRETS: SECRET,
      CERBERUS_OUTCOME_URL: sim.outcomeUrl,
      // One attempt each: a late failure that counted would dead-letter the outcome at once.
      CERBERUS_MAX_ATTEMPTS: '1',
      // Longer than the spec holds a delivery hanging before it freezes the instance.
      CERBERUS_TIMEOUT_MS: '30000',
      OUTBOX_LEASE_MS: '3000',
      OUTBOX_POLL_MS: '200',
      DEMO_DATA: 'true',
      DEMO_CASES: 'false',
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'info',
    };
    await start(0, await freePort()); // migrates and seeds the demo users
    await start(1, await freePort());
    officer = await signIn({ url: url(0) }, 'officer');
  }, 240_000);

  afterAll(async () => {
    for (const instance of instances) {
      instance?.process.kill('SIGCONT');
      instance?.process.kill('SIGKILL');
    }
    await Promise.all(instances.map((i) => i?.exited));
    await sim?.stop();
    await db?.close();
  });

  /** What the instances said above `info`, to tell why a phase failed. */
  const complaints = () => output.filter((line) => !/"level":30/.test(line)).slice(-60);
  const waitFor = (check: () => boolean | Promise<boolean>, what: string, timeoutMs?: number) =>
    until(check, what, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message}\n${complaints().join('\n')}`);
    });

  /**
   * One keyed submission, as a careful client sends it: on a 503 or a lost connection it sends the
   * same request with the same Idempotency-Key again, to the other instance, 200 ms later (sooner
   * than Retry-After's 2 s, to keep the load on), until it is answered with a case.
   */
  async function submit(tally: Tally, first: number): Promise<void> {
    const key = randomUUID();
    tally.keys.push(key);
    const body = JSON.stringify({
      answers: {
        category: 'safety',
        occurredAt: '2026-11-20T09:30',
        port: 'dover',
        team: 'dover-tourist-controls-team-1',
        description: `Fault spec submission ${key}`,
        actionNeeded: false,
      },
    });
    const giveUp = Date.now() + GIVE_UP_MS;
    for (let attempt = 0; Date.now() < giveUp; attempt++) {
      if (attempt > 0) {
        tally.retried++;
        await new Promise((r) => setTimeout(r, 200));
      }
      const target = instances[(first + attempt) % instances.length]!;
      const response = await fetch(`http://127.0.0.1:${target.port}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json', 'idempotency-key': key },
        body,
        signal: AbortSignal.timeout(20_000),
      }).catch(() => undefined);
      if (!response) {
        tally.connectionErrors++;
        continue;
      }
      const text = await response.text().catch(() => '');
      if (response.status === 201 || response.status === 200) {
        if (response.status === 201) tally.created++;
        else tally.replayed++;
        tally.caseOf.set(key, (JSON.parse(text) as { id: string }).id);
        return;
      }
      if (response.status === 503) {
        tally.unavailable++;
        if (!/^\d+$/.test(response.headers.get('retry-after') ?? '')) tally.noRetryAfter++;
        continue;
      }
      if (response.status >= 500) tally.serverErrors.push(`${response.status} ${text.slice(0, 200)}`);
      else return void tally.refused.push(`${response.status} ${text.slice(0, 200)}`);
    }
  }

  /** Submits with WORKERS clients, each on its own instance first, until `stop()` is true. */
  async function load(tally: Tally, stop: () => boolean): Promise<void> {
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        while (!stop()) await submit(tally, worker);
      }),
    );
  }

  /** Checks the database against what the clients were told, and prints the phase's line. */
  async function settle(phase: string, tally: Tally): Promise<void> {
    const rows = await sql<{ key: string; id: string }>(
      'SELECT idempotency_key AS key, id::text FROM core.case WHERE idempotency_key = ANY($1)',
      [tally.keys],
    );
    const storedKeys = new Set(rows.map((r) => r.key));
    const lost = tally.keys.filter((k) => !storedKeys.has(k) || !tally.caseOf.has(k)).length;
    const duplicated = rows.length - storedKeys.size;
    const mismatched = rows.filter((r) => tally.caseOf.get(r.key) !== r.id).length;
    if (lost + duplicated + mismatched + tally.serverErrors.length + tally.refused.length > 0)
      process.stdout.write(`${complaints().join('\n')}\n`);
    console.log(
      `faults: ${phase}: ${tally.keys.length} keyed submissions, ${lost} lost, ${duplicated} duplicated, ` +
        `${tally.serverErrors.length} answered 5xx other than 503, ${tally.unavailable} answered 503 ` +
        `(${tally.noRetryAfter} without Retry-After), ${tally.connectionErrors} connections lost, ` +
        `${tally.retried} retries, ${tally.replayed} answered from a retried key`,
    );
    expect({
      lost,
      duplicated,
      mismatched,
      serverErrors: tally.serverErrors,
      refused: tally.refused,
      noRetryAfter: tally.noRetryAfter,
    }).toEqual({ lost: 0, duplicated: 0, mismatched: 0, serverErrors: [], refused: [], noRetryAfter: 0 });
  }

  it('answers 503 with Retry-After, never 500, and loses nothing while PostgreSQL restarts under load', async () => {
    const tally = newTally();
    let done = false;
    const running = load(tally, () => done);
    await waitFor(() => tally.created >= 30, 'submissions before the restart');
    await db.restart();
    const after = tally.created;
    await waitFor(async () => (await ready(instances[0]!)) && (await ready(instances[1]!)), 'both instances ready');
    await waitFor(() => tally.created >= after + 30, 'submissions after the restart');
    done = true;
    await running;
    await settle('pg_ctl restart -m fast under load', tally);
    expect(instances.map((i) => i.process.exitCode)).toEqual([null, null]);
  }, 180_000);

  it('answers 503 with Retry-After, never 500, and loses nothing while PostgreSQL crashes and comes back', async () => {
    const tally = newTally();
    let done = false;
    const running = load(tally, () => done);
    await waitFor(() => tally.created >= 30, 'submissions before the crash');
    await db.crash();
    const during = tally.unavailable;
    await new Promise((r) => setTimeout(r, 3000)); // the outage itself
    await db.start(); // recovers from the WAL first
    const after = tally.created;
    await waitFor(async () => (await ready(instances[0]!)) && (await ready(instances[1]!)), 'both instances ready');
    await waitFor(() => tally.created >= after + 30, 'submissions after the crash');
    done = true;
    await running;
    await settle('pg_ctl stop -m immediate, started 3 s later, under load', tally);
    expect(tally.unavailable).toBeGreaterThan(during); // the clients did meet the outage
    expect(instances.map((i) => i.process.exitCode)).toEqual([null, null]);
  }, 180_000);

  it('marks no delivered outcome dead when an instance frozen past its lease reports its late failures', async () => {
    const [a, b] = [instances[0]!, instances[1]!];
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = url(0);
    const targets: string[] = [];
    for (let i = 0; i < 20; i++) {
      const sheet = targetSheet({ receivingTeam: 'dover-tourist-controls-team-1' });
      expect((await sim.sendTarget(sheet)).status).toBe(201);
      targets.push(String(sheet.targetId));
    }
    // Only A claims while the outcomes are recorded: Cerberus holds every delivery unanswered.
    b.process.kill('SIGSTOP');
    sim.setMode('timeout');
    const recordedAt = new Date(Date.now() - 3600_000).toISOString().slice(0, 16);
    const keys = await Promise.all(
      targets.map(async (targetReference) => {
        const response = await fetch(`${url(0)}/api/plugins/target-outcome/cases`, {
          method: 'POST',
          headers: { ...officer, 'content-type': 'application/json' },
          body: JSON.stringify({ answers: { targetReference, outcomeDateTime: recordedAt, outcome: 'negative' } }),
        });
        const body = (await response.json()) as { businessKey: string };
        expect(response.status).toBe(201);
        return `outcome:${body.businessKey}:1`;
      }),
    );
    // Every event A has claimed (B is frozen; nothing settles while Cerberus holds deliveries,
    // so attempted means claimed, even once a lease has run out) is a delivery Cerberus holds.
    const claimed = async () =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM core.outbox
            WHERE topic = 'cerberus.outcome' AND status = 'pending' AND attempts > 0`,
        )
      )[0]!.n;
    await waitFor(async () => sim.waiting > 0 && sim.waiting === (await claimed()), 'A’s deliveries to reach Cerberus');
    a.process.kill('SIGSTOP'); // A holds its claims, frozen
    const held = sim.waiting;
    // How A settles a failed attempt: ignored (its claim ended) or, wrongly, dead-lettered.
    const settledByA = () =>
      linesOf('core1', 'outbound attempt failed after its claim ended') +
      linesOf('core1', 'outbound event dead-lettered');
    const settledBefore = settledByA();

    // Cerberus answers again; B wakes and delivers everything, A's claims once their lease ends.
    sim.setMode('ok');
    b.process.kill('SIGCONT');
    const outbox = async () =>
      Object.fromEntries(
        (
          await sql<{ status: string; n: number }>(
            `SELECT status, count(*)::int AS n FROM core.outbox WHERE topic = 'cerberus.outcome' GROUP BY status`,
          )
        ).map((r) => [r.status, r.n]),
      ) as Record<string, number>;
    await waitFor(async () => (await outbox()).delivered === 20 && sim.processed === 20, 'B to deliver all 20');

    // A wakes past its lease; its deliveries were cut off and it reports each as failed.
    a.process.kill('SIGCONT');
    await waitFor(() => settledByA() >= settledBefore + held, 'A to report its late failures');
    const settled = await outbox();
    console.log(
      `faults: SIGSTOP of an instance past its ${env.OUTBOX_LEASE_MS} ms outbox lease: 20 outcomes, ` +
        `${sim.processed} received by Cerberus, ${sim.repeats} repeated, ${held} held by the frozen instance, ` +
        `${settled.dead ?? 0} marked dead, ${settled.pending ?? 0} pending`,
    );
    expect(settled).toEqual({ delivered: 20 });
    expect([...sim.received.keys()].sort()).toEqual([...keys].sort());
    expect(held).toBeGreaterThan(0);
  }, 180_000);

  it('disables a plugin on every instance when it was disabled while one was cut off by a PostgreSQL restart', async () => {
    const admin = await signIn({ url: url(0) }, 'admin');
    const enabled = async (i: number) => {
      const response = await fetch(`${url(i)}/api/plugins`, { headers: officer });
      if (response.status !== 200) return undefined; // 503 while the database is away
      return ((await response.json()) as { plugins: { id: string }[] }).plugins.some((p) => p.id === 'hot-debrief');
    };
    expect([await enabled(0), await enabled(1)]).toEqual([true, true]);
    const b = instances[1]!;
    const reconnectsBefore = linesOf('core2', 'event listener reconnected; caught up');

    // B is frozen over the restart: its LISTEN connection is gone and it cannot reconnect until
    // woken, so the NOTIFY A sends when the plugin is disabled cannot reach it.
    b.process.kill('SIGSTOP');
    await db.restart();
    let disable: Response | undefined;
    let unavailable = 0;
    await waitFor(async () => {
      disable = await fetch(`${url(0)}/api/plugins/hot-debrief/disable`, { method: 'POST', headers: admin });
      if (disable.status === 503) unavailable++;
      return disable.status !== 503;
    }, 'the plugin disabled on A');
    expect(disable!.status).toBe(200);
    b.process.kill('SIGCONT');

    await waitFor(() => linesOf('core2', 'event listener reconnected; caught up') > reconnectsBefore, 'B to reconnect');
    await waitFor(async () => (await enabled(1)) === false, 'the plugin disabled on B');
    const attempt = (i: number) =>
      fetch(`${url(i)}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ answers: {} }),
      });
    const statuses = [(await attempt(0)).status, (await attempt(1)).status];
    console.log(
      `faults: plugin disabled during a PostgreSQL restart while an instance was frozen: ` +
        `enabled on A ${String(await enabled(0))}, on B ${String(await enabled(1))}; ` +
        `submissions answered ${statuses.join(' and ')}; ${unavailable} answered 503 before the disable went through`,
    );
    expect(statuses).toEqual([404, 404]);
    expect(await enabled(0)).toBe(false);

    // B listens again: enabling it on A reaches B by NOTIFY.
    expect((await fetch(`${url(0)}/api/plugins/hot-debrief/enable`, { method: 'POST', headers: admin })).status).toBe(
      200,
    );
    await waitFor(async () => (await enabled(1)) === true, 'the plugin enabled again on B');
  }, 120_000);

  it('loses and duplicates no keyed submission when an instance is killed and the client retries on the other', async () => {
    const tally = newTally();
    const TOTAL = 200;
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        while (next < TOTAL) {
          // Mid-flight: the submissions B is serving are cut off, and B refuses connections after.
          if (next++ === 60) instances[1]!.process.kill('SIGKILL');
          await submit(tally, worker);
        }
      }),
    );
    expect(await instances[1]!.exited).toBe('SIGKILL');
    await settle('SIGKILL of one instance', tally);
    expect(tally.keys).toHaveLength(TOTAL);
    expect(tally.retried).toBeGreaterThan(0);
    expect(tally.unavailable).toBe(0); // the database never went away: A answered every retry
  }, 180_000);

  it('logged no unhandled error on either instance', () => {
    expect(output.filter((line) => line.includes('"msg":"unhandled error"'))).toEqual([]);
  });
});
