import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';

const SECRET = 'outage-test-cerberus-secret-cccccccccccccccccc';
const OUTCOMES = Number(process.env.OUTAGE_OUTCOMES ?? 1000);
const step = (what: string) => process.stdout.write(`[outage] ${new Date().toISOString().slice(11, 23)} ${what}\n`);
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString().slice(0, 16);

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Cerberus outage: nothing lost, nothing processed twice', () => {
  let databaseUrl: string;
  let sim: CerberusSimulator;
  let a: TestApp;
  let b: ChildProcess | undefined;
  const env = (outcomeUrl: string) => ({
    CERBERUS_SECRETS: SECRET,
    CERBERUS_OUTCOME_URL: outcomeUrl,
    CERBERUS_MAX_ATTEMPTS: '100',
    CERBERUS_TIMEOUT_MS: '2000',
    OUTBOX_BASE_BACKOFF_MS: '100',
    OUTBOX_MAX_BACKOFF_MS: '800',
    OUTBOX_POLL_MS: '100',
    OUTBOX_LEASE_MS: '3000',
  });

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    sim = new CerberusSimulator({ secret: SECRET, slowMs: 250 });
    await sim.start();
    await sim.goDown();
    a = await startTestApp({ databaseUrl, env: env(sim.outcomeUrl) });
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = a.url;
  });
  afterAll(async () => {
    b?.kill('SIGKILL');
    await a?.close();
    await sim?.stop();
    await dropTestDatabase(databaseUrl);
  });

  it(`delivers all ${OUTCOMES} outcomes recorded while Cerberus was down, through a core instance being killed mid-delivery`, async () => {
    const officer = await signIn(a, 'officer');
    // Outcomes are only taken for targets the platform received: Cerberus (still able to send) sends them first.
    const targets: string[] = [];
    let sent = 0;
    const send = async () => {
      while (sent < OUTCOMES) {
        sent++;
        const sheet = targetSheet({ receivingTeam: 'dover-tourist-controls-team-1' });
        expect((await sim.sendTarget(sheet)).status).toBe(201);
        targets.push(String(sheet.targetId));
      }
    };
    step('sending targets');
    await Promise.all(Array.from({ length: 8 }, send));
    let next = 0;
    const keys: string[] = [];
    const record = async () => {
      while (next < OUTCOMES) {
        const i = next++;
        const response = await fetch(`${a.url}/api/plugins/target-outcome/cases`, {
          method: 'POST',
          headers: { ...officer, 'content-type': 'application/json' },
          body: JSON.stringify({
            answers: { targetReference: targets[i], outcomeDateTime: anHourAgo(), outcome: 'negative' },
          }),
        });
        const body = (await response.json()) as { businessKey: string };
        expect(response.status).toBe(201);
        keys.push(`outcome:${body.businessKey}:1`);
      }
    };
    step('recording');
    await Promise.all(Array.from({ length: 8 }, record));
    step('recorded');
    expect(sim.processed).toBe(0);
    await until(() => sim.dropped > 0, 10000, 'deliveries to reach the down simulator');
    const failing = await a.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM core.outbox WHERE topic = 'cerberus.outcome' AND attempts > 0",
    );
    expect(failing[0]!.n).toBeGreaterThan(0);

    // A second core instance, in its own process so it can be killed outright.
    const port = await freePort();
    b = spawn('node', ['--import', '@swc-node/register/esm-register', 'core/src/main.ts'], {
      env: {
        ...process.env,
        ...env(sim.outcomeUrl),
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        AUTH_TOKEN_SECRET: 'k'.repeat(40),
        AUDIT_SEAL_KEYS: a.boot.config.AUDIT_SEAL_KEYS.join(','),
        LOG_LEVEL: 'error',
        DEMO_DATA: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    step('starting B');
    await until(
      () =>
        fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      30000,
      'instance B',
    );

    // Cerberus comes back, slowly, so deliveries are in flight when B dies.
    step('B ready; Cerberus back');
    sim.mode = 'slow';
    await sim.start();
    await until(() => sim.processed >= 100, 30000, 'first deliveries');
    step(`killing B at ${sim.processed}`);
    b.kill('SIGKILL');
    await new Promise((r) => b!.once('exit', r));
    step('B dead');
    sim.mode = 'ok';

    await until(() => sim.processed === OUTCOMES, 60000, 'every outcome');
    await until(
      async () =>
        (
          await a.sql<{ n: number }>(
            "SELECT count(*)::int AS n FROM core.outbox WHERE topic = 'cerberus.outcome' AND status <> 'delivered'",
          )
        )[0]!.n === 0,
      15000,
      'outbox settled',
    );
    expect([...sim.received.keys()].sort()).toEqual([...keys].sort());
    expect([...sim.received.values()].every((r) => r.signatureValid)).toBe(true);
    // Deliveries cut off by the kill were sent again; Cerberus recognised each by its
    // Idempotency-Key and processed it once.
    process.stdout.write(
      `outage test: ${OUTCOMES} outcomes processed once each; ${sim.repeats} repeated deliveries acknowledged as repeats\n`,
    );
  }, 180_000);
});
