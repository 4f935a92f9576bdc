import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { SseClient } from '../utils/sse.js';

const SECRET = 'test-cerberus-secret-aaaaaaaaaaaaaaaaaaaaaaaa';
const ROTATED = 'test-cerberus-secret-bbbbbbbbbbbbbbbbbbbbbbbb';
/** An hour ago as a UK wall-clock date-time (never in the future, GMT or BST). */
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString().slice(0, 16);

describe('Cerberus loop', () => {
  let app: TestApp;
  let sim: CerberusSimulator;
  let officer: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    sim = new CerberusSimulator({ secret: SECRET });
    await sim.start();
    app = await startTestApp({
      env: {
        CERBERUS_SECRETS: `${SECRET},${ROTATED}`,
        CERBERUS_OUTCOME_URL: sim.outcomeUrl,
        CERBERUS_MAX_ATTEMPTS: '3',
        CERBERUS_TIMEOUT_MS: '1000',
        OUTBOX_BASE_BACKOFF_MS: '50',
        OUTBOX_MAX_BACKOFF_MS: '200',
        OUTBOX_POLL_MS: '100',
      },
    });
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = app.url;
    officer = await signIn(app, 'officer');
    admin = await signIn(app, 'admin');
    const shift = await fetch(`${app.url}/api/shift`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ teamId: 'dover-freight-team-a', location: 'dover' }),
    });
    expect(shift.status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await sim?.stop();
  });

  const count = async (sql: string) => Number((await app.sql<{ n: string }>(sql))[0]!.n);
  const caseView = async (id: string) =>
    (await (await fetch(`${app.url}/api/cases/${id}`, { headers: officer })).json()) as Record<string, any>;

  it('refuses unsigned, badly signed, stale and tampered targets with 401 and stores nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM core.case');
    const sheet = targetSheet();
    const unsigned = await fetch(`${app.url}/api/integrations/cerberus/targets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sheet),
    });
    expect(unsigned.status).toBe(401);
    expect((await sim.sendTarget(sheet, { secret: 'not-the-shared-secret-xxxxxxxxxxxxxxxxxx' })).status).toBe(401);
    const stale = await sim.sendTarget(sheet, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale).toEqual({
      status: 401,
      body: { statusCode: 401, message: 'Cerberus request refused: timestamp outside the replay window' },
    });
    expect((await sim.sendTarget(sheet, { tamper: true })).status).toBe(401);
    expect(await count('SELECT count(*) AS n FROM core.case')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM core.cerberus_target')).toBe(0);
  });

  it('accepts a target signed with the second secret during a rotation', async () => {
    const rotated = await sim.sendTarget(targetSheet(), { secret: ROTATED });
    expect(rotated.status).toBe(201);
  });

  it('validates targets with the target-information form', async () => {
    const bad = await sim.sendTarget(targetSheet({ category: 'Z', port: 'atlantis', receivingTeam: undefined }));
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'category',
      'port',
      'receivingTeam',
    ]);
    const noId = await sim.sendTarget(targetSheet({ targetId: undefined }));
    expect(noId.body.errors).toEqual([{ path: 'targetId', message: 'Enter the target id' }]);
  });

  it('delivers a target to the receiving team live, is idempotent by id and version, and takes newer versions', async () => {
    const token = officer.authorization!.slice(7);
    const live = await SseClient.connect(`${app.url}/api/notifications/stream?access_token=${token}`);
    try {
      const sheet = targetSheet();
      const created = await sim.sendTarget(sheet);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'created', businessKey: expect.stringMatching(/^BF-/) });
      const [event] = await live.waitFor(1);
      expect(event).toMatchObject({ kind: 'cerberus.target', urgent: true, caseId: created.body.caseId });

      const view = await caseView(created.body.caseId as string);
      expect(view).toMatchObject({ pluginId: 'target-information', teamId: 'dover-freight-team-a', state: 'issued' });
      expect(view.tasks[0]).toMatchObject({ priority: 'urgent', teamId: 'dover-freight-team-a' });

      const replay = await sim.sendTarget(sheet);
      expect(replay).toMatchObject({ status: 200, body: { status: 'duplicate', caseId: created.body.caseId } });
      const newer = await sim.sendTarget({
        ...sheet,
        targetVersion: 2,
        eta: '2026-12-01T21:15',
        vesselName: 'Pride of Kent',
      });
      expect(newer.body).toMatchObject({ status: 'updated', changed: ['eta', 'vesselName'] });
      const [, updated] = await live.waitFor(2);
      expect(updated).toMatchObject({
        kind: 'cerberus.target-updated',
        body: 'Changed: Estimated time of arrival, Vessel name',
      });
      const older = await sim.sendTarget(sheet);
      expect(older.body).toMatchObject({ status: 'ignored-older-version', heldVersion: 2 });
      expect(
        await count(
          `SELECT count(*) AS n FROM core.case WHERE plugin_id = 'target-information' AND answers->>'targetId' = '${String(sheet.targetId)}'`,
        ),
      ).toBe(1);
      expect((await caseView(created.body.caseId as string)).answers.vesselName).toBe('Pride of Kent');
    } finally {
      live.close();
    }
  });

  it("sends the officer's outcome back to Cerberus exactly once, signed, and shows it on the case", async () => {
    const sheet = targetSheet();
    const target = await sim.sendTarget(sheet);
    const outcome = await fetch(`${app.url}/api/plugins/target-outcome/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: {
          targetReference: sheet.targetId,
          outcomeDateTime: anHourAgo(),
          outcome: 'no-show',
          reason: 'did-not-travel',
        },
        linkedTo: [target.body.businessKey],
      }),
    });
    const created = (await outcome.json()) as Record<string, any>;
    expect(created.errors).toBeUndefined();
    expect(outcome.status).toBe(201);
    for (let i = 0; i < 50 && sim.processed === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const [received] = [...sim.received.values()];
    expect(received).toMatchObject({
      deliveries: 1,
      signatureValid: true,
      payload: {
        targetId: sheet.targetId,
        outcome: 'no-show',
        reason: 'did-not-travel',
        outcomeCase: created.businessKey,
      },
    });
    const view = await caseView(created.id);
    expect(view.deliveries).toEqual([
      expect.objectContaining({
        status: 'delivered',
        label: expect.stringMatching(/^Outcome sent to Cerberus at \d\d:\d\d$/),
      }),
    ]);
    expect(view.links).toEqual([expect.objectContaining({ businessKey: target.body.businessKey })]);
  });

  it('retries, dead-letters after the configured attempts, and delivers after an admin redrives', async () => {
    const sheet = targetSheet();
    expect((await sim.sendTarget(sheet)).status).toBe(201);
    sim.mode = 'fail-5xx';
    const outcome = await fetch(`${app.url}/api/plugins/target-outcome/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: { targetReference: sheet.targetId, outcomeDateTime: anHourAgo(), outcome: 'negative' },
      }),
    });
    const created = (await outcome.json()) as Record<string, any>;
    let dead: { id: string; attempts: number; lastError: string }[] = [];
    for (let i = 0; i < 60 && dead.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      dead = (
        (await (await fetch(`${app.url}/api/integrations/outbox?status=dead`, { headers: admin })).json()) as {
          events: typeof dead;
        }
      ).events;
    }
    expect(dead).toEqual([expect.objectContaining({ attempts: 3, lastError: 'Cerberus answered 503' })]);
    expect((await caseView(created.id)).deliveries[0].label).toBe('Failed: needs attention (Cerberus answered 503)');
    expect((await fetch(`${app.url}/api/integrations/outbox?status=dead`, { headers: officer })).status).toBe(403);

    sim.mode = 'ok';
    const redriven = await fetch(`${app.url}/api/integrations/outbox/${dead[0]!.id}/redrive`, {
      method: 'POST',
      headers: admin,
    });
    expect(redriven.status).toBe(200);
    for (let i = 0; i < 50 && !sim.received.has(`outcome:${created.businessKey}:1`); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(sim.received.get(`outcome:${created.businessKey}:1`)?.deliveries).toBe(1);
  });
});
