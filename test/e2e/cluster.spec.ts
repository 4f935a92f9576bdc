import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { haproxyConfig, startHaproxy } from '../../scripts/cluster/haproxy.js';
import { startInstance, waitForReady, type CoreInstance } from '../../scripts/cluster/instances.js';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { createTestDatabase, dropTestDatabase, signIn } from '../utils/app.js';
import { SseClient } from '../utils/sse.js';
import pg from 'pg';

const ROOT = resolve(process.cwd());
const SECRET = 'test-cluster-cerberus-secret-aaaaaaaaaaaaaaaaaa';
const SUBMISSIONS = 240;
const CONCURRENCY = 6;

/**
 * Three core instances on one PostgreSQL behind a real HAProxy (Debian's package): keyed
 * submissions go through it while one instance is killed (SIGKILL) and another is stopped and
 * started again. The client never retries by itself: HAProxy's retries and the core's
 * Idempotency-Key must between them lose nothing and store nothing twice.
 */
describe('a cluster behind HAProxy', () => {
  let databaseUrl: string;
  let dir: string;
  let lb: string;
  let haproxy: ChildProcess;
  const instances: CoreInstance[] = [];
  let env: Record<string, string>;
  const output: string[] = [];

  const start = async (i: number, port: number) => {
    instances[i] = startInstance({
      root: ROOT,
      name: `core${i + 1}`,
      port,
      from: 'source',
      env,
      onOutput: (name, line) => output.push(`[${name}] ${line}`),
    });
    await waitForReady(`http://127.0.0.1:${port}/health/ready`, 120_000);
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    env = {
      DATABASE_URL: databaseUrl,
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
      CERBERUS_SECRETS: SECRET,
      DEMO_DATA: 'true',
      DEMO_CASES: 'false',
      DATABASE_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
    };
    const ports = [await freePort(), await freePort(), await freePort()];
    await start(0, ports[0]!); // migrates and seeds the demo users
    await Promise.all([start(1, ports[1]!), start(2, ports[2]!)]);
    const port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'cop-cluster-'));
    writeFileSync(
      join(dir, 'haproxy.cfg'),
      haproxyConfig({ port, log: true, servers: instances.map((p) => ({ name: p.name, port: p.port })) }),
    );
    haproxy = startHaproxy(join(dir, 'haproxy.cfg'), (line) => output.push(`[haproxy] ${line}`));
    lb = `http://127.0.0.1:${port}`;
    await waitForReady(`${lb}/health/ready`);
    await new Promise((r) => setTimeout(r, 1500)); // two passed checks for every server
  }, 240_000);

  afterAll(async () => {
    haproxy?.kill('SIGTERM');
    for (const p of instances) p?.process.kill('SIGKILL');
    await Promise.all(instances.map((p) => p?.exited));
    if (dir) rmSync(dir, { recursive: true, force: true });
    await dropTestDatabase(databaseUrl);
  });

  it('answers every keyed submission while one instance is killed and another restarted: none lost, none twice', async () => {
    const officer = await signIn({ url: lb }, 'officer');
    const keys = Array.from({ length: SUBMISSIONS }, () => randomUUID());
    const statuses: number[] = [];
    const caseIds: string[] = [];
    const errors: string[] = [];
    let next = 0;
    let restarted: Promise<void> | undefined;
    const submit = async (key: string) => {
      const response = await fetch(`${lb}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({
          answers: {
            category: 'safety',
            occurredAt: '2026-11-20T09:30',
            port: 'dover',
            team: 'dover-tourist-controls-team-1',
            description: `Cluster submission ${key}`,
            actionNeeded: false,
          },
        }),
      }).catch((error: Error & { cause?: { code?: string; message?: string } }) => {
        errors.push(`${error.message}: ${error.cause?.code ?? ''} ${error.cause?.message ?? ''}`);
        return undefined;
      });
      if (!response) return void statuses.push(-1);
      statuses.push(response.status);
      const body = (await response.json().catch(() => ({}))) as { id?: string };
      if (body.id) caseIds.push(body.id);
    };
    const worker = async () => {
      while (next < SUBMISSIONS) {
        const i = next++;
        if (i === 60) instances[1]!.process.kill('SIGKILL'); // mid-flight: requests on it are cut off
        if (i === 120) {
          const third = instances[2]!;
          third.process.kill('SIGTERM');
          restarted = third.exited.then(() => start(2, third.port));
        }
        await submit(keys[i]!);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await restarted;

    const failed = statuses.filter((s) => s !== 201 && s !== 200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const stored = await client
      .query<{ cases: number; keys: number }>(
        'SELECT count(*)::int AS cases, count(DISTINCT idempotency_key)::int AS keys FROM core.case WHERE idempotency_key = ANY($1)',
        [keys],
      )
      .finally(() => client.end());
    const { cases, keys: distinctKeys } = stored.rows[0]!;
    // What HAProxy and the instances said about the requests that failed, to tell why.
    if (failed.length > 0)
      process.stdout.write(
        `${output
          .filter((line) => !/ 20[01] /.test(line) || /haproxy\] \[(WARNING|ALERT)/.test(line))
          .slice(-60)
          .join('\n')}\n`,
      );
    process.stdout.write(
      `cluster: ${SUBMISSIONS} keyed submissions through HAProxy, one instance killed and one restarted: ` +
        `${failed.length} failed, ${SUBMISSIONS - distinctKeys} lost, ${cases - distinctKeys} duplicated\n`,
    );
    expect({ failed: failed.length, statuses: [...new Set(failed)], errors: [...new Set(errors)] }).toEqual({
      failed: 0,
      statuses: [],
      errors: [],
    });
    expect(new Set(caseIds).size).toBe(SUBMISSIONS);
    expect({ cases, keys: distinctKeys }).toEqual({ cases: SUBMISSIONS, keys: SUBMISSIONS });
    // Every submission was answered (none left hanging).
    expect(statuses.length).toBe(SUBMISSIONS);
  }, 240_000);

  it('serves the restarted instance again and carries the live stream through HAProxy', async () => {
    // HAProxy took the restarted instance back: the same request reaches it among the others.
    await waitForReady(`http://127.0.0.1:${instances[2]!.port}/health/ready`);
    const officer = await signIn({ url: lb }, 'officer');
    const shift = await fetch(`${lb}/api/shift`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ teamId: 'dover-freight-team-a', location: 'dover' }),
    });
    expect(shift.status).toBe(200);
    const live = await SseClient.connect(
      `${lb}/api/notifications/stream?access_token=${officer.authorization!.slice(7)}`,
    );
    const sim = new CerberusSimulator({ secret: SECRET });
    await sim.start();
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = lb;
    try {
      const sent = await sim.sendTarget(targetSheet({ receivingTeam: 'dover-freight-team-a' }));
      expect(sent).toMatchObject({ status: 201 });
      const [notice] = await live.waitFor(1, 10_000);
      expect(notice).toMatchObject({ kind: 'cerberus.target', caseId: String(sent.body.caseId) });
    } finally {
      live.close();
      await sim.stop();
    }
  }, 60_000);
});
