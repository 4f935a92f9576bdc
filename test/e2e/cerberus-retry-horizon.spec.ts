import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

// Outcome delivery through a long Cerberus outage (core/src/integrations/outbox-dispatcher.ts),
// against the Cerberus simulator: retried by time, not attempts; a circuit that probes and drains
// at once when Cerberus answers; dead letters past the horizon, redriven in bulk keeping their
// history; the ops figures that say so.
const SECRET = 'horizon-test-cerberus-secret-dddddddddddddddd';
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString().slice(0, 16);

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Cerberus outcome delivery through a long outage', () => {
  let sim: CerberusSimulator;
  beforeAll(async () => {
    sim = new CerberusSimulator({ secret: SECRET });
    await sim.start();
  });
  afterAll(async () => sim?.stop());

  async function boot(env: Record<string, string>) {
    const app = await startTestApp({
      env: {
        CERBERUS_SECRETS: SECRET,
        CERBERUS_OUTCOME_URL: sim.outcomeUrl,
        CERBERUS_TIMEOUT_MS: '1000',
        OUTBOX_POLL_MS: '100',
        OUTBOX_BASE_BACKOFF_MS: '50',
        ...env,
      },
    });
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = app.url;
    return { app, officer: await signIn(app, 'officer'), admin: await signIn(app, 'admin') };
  }

  /** Records `n` outcomes (each for a target Cerberus sent first); returns their Idempotency-Keys. */
  async function recordOutcomes(app: TestApp, officer: Record<string, string>, n: number): Promise<string[]> {
    const keys: string[] = [];
    for (let i = 0; i < n; i++) {
      const sheet = targetSheet({ receivingTeam: 'dover-tourist-controls-team-1' });
      expect((await sim.sendTarget(sheet)).status).toBe(201);
      const response = await fetch(`${app.url}/api/plugins/target-outcome/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: { targetReference: sheet.targetId, outcomeDateTime: anHourAgo(), outcome: 'negative' },
        }),
      });
      expect(response.status).toBe(201);
      keys.push(`outcome:${((await response.json()) as { businessKey: string }).businessKey}:1`);
    }
    return keys;
  }

  const health = async (app: TestApp, admin: Record<string, string>) =>
    ((await (await fetch(`${app.url}/api/integrations/outbox/health`, { headers: admin })).json()) as any)
      .channels[0] as Record<string, any>;

  it('keeps retrying far past ten attempts, probes while the circuit is open, and drains at once when Cerberus answers', async () => {
    // Each outcome's own backoff grows to a minute: without the circuit, draining would take that long.
    const { app, officer, admin } = await boot({
      OUTBOX_MAX_BACKOFF_MS: '60000',
      CERBERUS_CIRCUIT_FAILURES: '3',
      CERBERUS_PROBE_INTERVAL_MS: '200',
    });
    try {
      sim.setMode('down');
      const keys = await recordOutcomes(app, officer, 12);
      await until(async () => (await health(app, admin)).circuit === 'open', 10_000, 'the circuit to open');
      // While open, only probes reach Cerberus: about one per 200 ms, not twelve outcomes' retries.
      const droppedAtOpen = sim.dropped;
      await new Promise((r) => setTimeout(r, 2_000));
      const probes = sim.dropped - droppedAtOpen;
      expect(probes).toBeGreaterThanOrEqual(3);
      expect(probes).toBeLessThanOrEqual(14);
      const open = await health(app, admin);
      expect(open).toMatchObject({ channel: 'cerberus', pending: 12, dead: 0, alert: true });
      expect(open.consecutiveFailures).toBeGreaterThanOrEqual(3);
      // Probes go to the oldest outcome: it is well past the old limit of 10 attempts and not dead.
      const [oldest] = await app.sql<{ attempts: number; status: string }>(
        "SELECT attempts, status FROM core.outbox WHERE topic = 'cerberus.outcome' ORDER BY id LIMIT 1",
      );
      expect(oldest!.status).toBe('pending');
      expect(oldest!.attempts).toBeGreaterThan(10);

      sim.setMode('ok');
      const back = Date.now();
      await until(() => keys.every((k) => sim.received.has(k)), 10_000, 'every outcome to reach Cerberus');
      expect(Date.now() - back).toBeLessThan(5_000);
      await until(async () => (await health(app, admin)).pending === 0, 5_000, 'every outcome settled');
      expect(await health(app, admin)).toMatchObject({ circuit: 'closed', pending: 0, dead: 0, alert: false });
    } finally {
      await app.close();
    }
  });

  it('dead-letters what was not delivered within the horizon, and redrives by filter keeping the history', async () => {
    const { app, officer, admin } = await boot({
      OUTBOX_MAX_BACKOFF_MS: '200',
      CERBERUS_RETRY_HORIZON_SECONDS: '2',
      CERBERUS_CIRCUIT_FAILURES: '1000',
    });
    try {
      sim.setMode('fail-5xx');
      const keys = await recordOutcomes(app, officer, 5);
      const deadEvents = async () =>
        ((await (await fetch(`${app.url}/api/integrations/outbox?status=dead`, { headers: admin })).json()) as any)
          .events as { id: string; attempts: number; lastError: string }[];
      await until(async () => (await deadEvents()).length === 5, 10_000, 'the outcomes to be dead-lettered');
      const dead = await deadEvents();
      expect(dead.every((e) => e.lastError.includes('Cerberus answered 503'))).toBe(true);
      expect((await health(app, admin)).alert).toBe(true);

      // A filter that matches none redrives none; a bad filter is a field-level 400.
      const redrive = (body: unknown) =>
        fetch(`${app.url}/api/integrations/outbox/redrive`, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect(await (await redrive({ errorContains: 'answered 418' })).json()).toEqual({ redriven: 0, ids: [] });
      const bad = await redrive({ createdFrom: 'yesterday' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as any).errors).toEqual([
        { path: 'createdFrom', message: 'createdFrom must be a date and time (ISO 8601)' },
      ]);
      sim.setMode('ok');
      const all = (await (await redrive({ topic: 'cerberus.outcome' })).json()) as { redriven: number };
      expect(all.redriven).toBe(5);
      expect(
        (await fetch(`${app.url}/api/integrations/outbox/redrive`, { method: 'POST', headers: officer })).status,
      ).toBe(403);

      await until(() => keys.every((k) => sim.received.has(k)), 10_000, 'the redriven outcomes to reach Cerberus');
      await until(
        async () => (await app.sql("SELECT 1 FROM core.outbox WHERE status <> 'delivered'")).length === 0,
        5_000,
        'every outcome settled',
      );
      // The history is kept: attempts go on counting, and the redrive is recorded with what the event had.
      const [row] = await app.sql<{ attempts: number; status: string }>(
        'SELECT attempts, status FROM core.outbox WHERE id = $1',
        [dead[0]!.id],
      );
      expect(row!.status).toBe('delivered');
      expect(row!.attempts).toBe(dead[0]!.attempts + 1);
      const history = (await (
        await fetch(`${app.url}/api/integrations/outbox/${dead[0]!.id}/redrives`, { headers: admin })
      ).json()) as any;
      expect(history.redrives).toEqual([
        expect.objectContaining({ redrivenBy: 'admin', attempts: dead[0]!.attempts, lastError: dead[0]!.lastError }),
      ]);
    } finally {
      await app.close();
    }
  });
});
