import { randomBytes } from 'node:crypto';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';
import { SseClient } from '../utils/sse.js';

const SECRET = 'test-cerberus-instances-secret-aaaaaaaaaaaaaaa';

/**
 * Behind a load balancer, Cerberus posts a target to one core instance while the officer's live
 * stream is held by another. Both run on one database: the target reaches the officer through
 * PostgreSQL's NOTIFY, once, on the instance they are connected to.
 */
describe('Cerberus targets across core instances', () => {
  let a: TestApp;
  let b: TestApp;
  let sim: CerberusSimulator;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const env = {
      CERBERUS_SECRETS: SECRET,
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    };
    a = await startTestApp({ databaseUrl, env });
    b = await startTestApp({ databaseUrl, env });
    sim = new CerberusSimulator({ secret: SECRET });
    await sim.start();
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = a.url; // targets go to A
  });
  afterAll(async () => {
    await sim?.stop();
    await b?.close();
    await a?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('tells an officer connected to instance B about a target Cerberus sent to instance A, once', async () => {
    const officer = await signIn(b, 'officer');
    const shift = await fetch(`${b.url}/api/shift`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ teamId: 'dover-freight-team-a', location: 'dover' }),
    });
    expect(shift.status).toBe(200);
    const live = await SseClient.connect(
      `${b.url}/api/notifications/stream?access_token=${officer.authorization!.slice(7)}`,
    );
    let caseId: string;
    try {
      const sent = await sim.sendTarget(targetSheet({ receivingTeam: 'dover-freight-team-a' }));
      expect(sent).toMatchObject({ status: 201, body: { status: 'created' } });
      caseId = String(sent.body.caseId);
      const [notice] = await live.waitFor(1);
      expect(notice).toMatchObject({ kind: 'cerberus.target', urgent: true, caseId });
      // Nothing else arrives: the notice is not delivered twice (once per instance).
      await new Promise((r) => setTimeout(r, 500));
      expect(live.events.filter((e) => e.kind === 'cerberus.target')).toHaveLength(1);
    } finally {
      live.close();
    }
    // B serves the case A filed.
    expect((await fetch(`${b.url}/api/cases/${caseId}`, { headers: officer })).status).toBe(200);
  });
});
