import { CerberusSimulator, signature256 } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { SseClient } from '../utils/sse.js';

const SECRET = 'test-cerberus-loop-secret-aaaaaaaaaaaaaaaaaaaa';
/** An hour ago as a UK wall-clock date-time (never in the future, GMT or BST). */
const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString().slice(0, 16);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The done-when flow of the Cerberus loop, end to end over real ports and PostgreSQL: a signed
 * target reaches the receiving team live, the officer records the outcome from the target's
 * case (pre-filled from it), and the simulator receives it exactly once, signed.
 */
describe('Cerberus loop: target to outcome', () => {
  let app: TestApp;
  let sim: CerberusSimulator;
  let officer: Record<string, string>;
  let freight: Record<string, string>;

  const api = async (path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const startShift = async (who: Record<string, string>, teamId: string) =>
    expect((await api('/api/shift', who, { teamId, location: 'dover' })).status).toBe(200);
  const recordOutcome = (who: Record<string, string>, answers: Record<string, unknown>, linkedTo?: string[]) =>
    api('/api/plugins/target-outcome/cases', who, { answers, ...(linkedTo ? { linkedTo } : {}) });
  const count = async (sql: string) => (await app.sql<{ n: number }>(sql))[0]!.n;
  const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 5000) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return;
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    sim = new CerberusSimulator({ secret: SECRET });
    await sim.start();
    app = await startTestApp({
      env: {
        CERBERUS_SECRETS: SECRET,
        CERBERUS_OUTCOME_URL: sim.outcomeUrl,
        CERBERUS_MAX_ATTEMPTS: '3',
        OUTBOX_BASE_BACKOFF_MS: '50',
        OUTBOX_MAX_BACKOFF_MS: '200',
        OUTBOX_POLL_MS: '100',
      },
    });
    (sim as unknown as { options: { coreUrl: string } }).options.coreUrl = app.url;
    officer = await signIn(app, 'officer');
    freight = await signIn(app, 'freight');
    await startShift(officer, 'dover-freight-team-a');
    await startShift(freight, 'felixstowe-freight-team-a');
  });
  afterAll(async () => {
    await app?.close();
    await sim?.stop();
  });

  it('an officer of the receiving team is told live, records the outcome from the target case, and Cerberus gets it once, signed', async () => {
    const live = await SseClient.connect(
      `${app.url}/api/notifications/stream?access_token=${officer.authorization!.slice(7)}`,
    );
    let target: Record<string, any>;
    const sheet = targetSheet({ receivingTeam: 'dover-freight-team-a' });
    try {
      const sent = await sim.sendTarget(sheet);
      expect(sent).toMatchObject({ status: 201, body: { status: 'created' } });
      target = sent.body;
      const [notice] = await live.waitFor(1);
      expect(notice).toMatchObject({ kind: 'cerberus.target', urgent: true, caseId: target.caseId });
    } finally {
      live.close();
    }

    // The target case offers "Record the outcome", done by starting a target outcome from it.
    const targetCase = await api(`/api/cases/${target.businessKey}`, officer);
    expect(targetCase.body.actions).toContainEqual({
      id: 'record-outcome',
      label: 'Record the outcome',
      form: null,
      startsCase: 'target-outcome',
    });
    expect(targetCase.body.tasks).toEqual([
      expect.objectContaining({ status: 'open', teamId: 'dover-freight-team-a' }),
    ]);
    // It cannot be taken on its own: that would close the target without an outcome.
    const direct = await api(`/api/cases/${target.caseId}/actions/record-outcome`, officer, { version: 1 });
    expect(direct.status).toBe(400);

    // The form opens pre-filled from the target (?linked=<business key>).
    const prefill = await api(
      `/api/plugins/target-outcome/forms/target-outcome/prefill?linked=${target.businessKey}`,
      officer,
    );
    expect(prefill.status).toBe(200);
    expect(prefill.body.answers.targetReference).toBe(sheet.targetId);

    const outcome = await recordOutcome(
      officer,
      { ...prefill.body.answers, outcomeDateTime: anHourAgo(), outcome: 'no-show', reason: 'did-not-travel' },
      [target.businessKey],
    );
    expect(outcome.body.errors).toBeUndefined();
    expect(outcome.status).toBe(201);
    expect(outcome.body.links).toEqual([expect.objectContaining({ businessKey: target.businessKey })]);

    // In the same transaction the target moved on: its task completed, the outcome linked.
    const after = await api(`/api/cases/${target.businessKey}`, officer);
    expect(after.body).toMatchObject({ state: 'outcome-recorded', stateLabel: 'Outcome recorded', terminal: true });
    expect(after.body.tasks.map((t: { status: string }) => t.status)).toEqual(['completed']);
    expect(after.body.actions).toEqual([]);
    expect(after.body.links).toEqual([expect.objectContaining({ businessKey: outcome.body.businessKey })]);

    const key = `outcome:${outcome.body.businessKey}:1`;
    await until(() => sim.received.has(key), 'the outcome at Cerberus');
    await until(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM core.outbox WHERE key = '${key}' AND status = 'delivered'`)) === 1,
      'the outbox to settle',
    );
    await sleep(500); // several dispatcher polls: nothing is sent again
    const forTarget = [...sim.received.values()].filter((r) => r.payload.targetId === sheet.targetId);
    expect(forTarget).toEqual([
      expect.objectContaining({
        key,
        deliveries: 1,
        signatureValid: true,
        payload: expect.objectContaining({
          outcome: 'no-show',
          reason: 'did-not-travel',
          outcomeCase: outcome.body.businessKey,
        }),
      }),
    ]);
    // The simulator's check is real: a wrong secret would not have matched.
    expect(signature256('another-secret-bbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1, 'x')).not.toBe(signature256(SECRET, 1, 'x'));
  });

  it('refuses, with the field named, an outcome for a target the platform never received or the officer cannot see', async () => {
    const before = await count("SELECT count(*)::int AS n FROM core.case WHERE plugin_id = 'target-outcome'");
    const unknown = await recordOutcome(officer, {
      targetReference: 'CZZ-20261126-9999',
      outcomeDateTime: anHourAgo(),
      outcome: 'negative',
    });
    expect(unknown).toEqual({
      status: 400,
      body: expect.objectContaining({
        errors: [
          {
            path: 'targetReference',
            message:
              'There is no target CZZ-20261126-9999 that you can see. Enter the reference of a target sent from Cerberus',
          },
        ],
      }),
    });
    // Another team's target: it exists, but this officer may not see it (and is not told it exists).
    const felixstowe = targetSheet({ receivingTeam: 'felixstowe-freight-team-a' });
    expect((await sim.sendTarget(felixstowe)).status).toBe(201);
    const hidden = await recordOutcome(officer, {
      targetReference: felixstowe.targetId,
      outcomeDateTime: anHourAgo(),
      outcome: 'negative',
    });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors[0].path).toBe('targetReference');
    expect(hidden.body.errors[0].message).toMatch(/^There is no target .* that you can see/);
    // Started from one target, typed another's reference.
    const a = (await sim.sendTarget(targetSheet())).body;
    const b = targetSheet();
    expect((await sim.sendTarget(b)).status).toBe(201);
    const crossed = await recordOutcome(
      officer,
      { targetReference: b.targetId, outcomeDateTime: anHourAgo(), outcome: 'negative' },
      [String(a.businessKey)],
    );
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors).toEqual([
      {
        path: 'targetReference',
        message: `Enter the reference of the target you are recording the outcome for (${a.businessKey})`,
      },
    ]);
    expect(await count("SELECT count(*)::int AS n FROM core.case WHERE plugin_id = 'target-outcome'")).toBe(before);
    expect((await api(`/api/cases/${a.businessKey}`, officer)).body.state).toBe('issued');
  });

  it('records one outcome per target: a second is refused, a correction goes through "Correct outcome"', async () => {
    const sheet = targetSheet();
    const target = (await sim.sendTarget(sheet)).body;
    // Recorded by reference, without starting from the target case: it is linked all the same.
    const first = await recordOutcome(officer, {
      targetReference: sheet.targetId,
      outcomeDateTime: anHourAgo(),
      outcome: 'negative',
    });
    expect(first.status).toBe(201);
    expect(first.body.links).toEqual([expect.objectContaining({ businessKey: target.businessKey })]);
    expect((await api(`/api/cases/${target.businessKey}`, officer)).body.state).toBe('outcome-recorded');

    const second = await recordOutcome(
      officer,
      {
        targetReference: sheet.targetId,
        outcomeDateTime: anHourAgo(),
        outcome: 'no-show',
        reason: 'other',
        notes: 'x',
      },
      [String(target.businessKey)],
    );
    expect(second.status).toBe(400);
    expect(second.body.errors).toEqual([
      {
        path: 'targetReference',
        message: `An outcome for target ${String(sheet.targetId)} has already been recorded. To change it, open that outcome from the target's linked cases and choose "Correct outcome"`,
      },
    ]);

    const corrected = await api(`/api/cases/${first.body.id}/actions/correct`, officer, {
      version: 1,
      answers: { outcome: 'target-withdrawn', explanation: 'The hub withdrew it before arrival.' },
    });
    expect(corrected.status).toBe(200);
    // Reports count the outcome as corrected (the action form's outcome wins in the read model).
    expect(
      await app.sql('SELECT outcome, target_reference FROM plugin_target_outcome.read_case WHERE case_id = $1', [
        first.body.id,
      ]),
    ).toEqual([{ outcome: 'target-withdrawn', target_reference: sheet.targetId }]);
    await until(() => sim.received.has(`outcome:${first.body.businessKey}:2`), 'the correction at Cerberus');
    expect(sim.received.get(`outcome:${first.body.businessKey}:2`)).toMatchObject({
      deliveries: 1,
      signatureValid: true,
      payload: { targetId: sheet.targetId, outcome: 'target-withdrawn', revision: 2 },
    });
    // What the correction recorded is in the term index too: the case is found by its new outcome.
    const found = await api('/api/search?term=event.outcome&value=target-withdrawn', officer);
    expect(found.status).toBe(200);
    const matches = (found.body.groups as { cases: { businessKey: string; matchedPath: string }[] }[]).flatMap(
      (g) => g.cases,
    );
    expect(matches).toContainEqual(
      expect.objectContaining({ businessKey: first.body.businessKey, matchedPath: '@correct/outcome' }),
    );
  });

  it('takes exactly one of two outcomes recorded for one target at the same moment', async () => {
    const sheet = targetSheet();
    const target = (await sim.sendTarget(sheet)).body;
    const answers = { targetReference: sheet.targetId, outcomeDateTime: anHourAgo(), outcome: 'negative' };
    const results = await Promise.all([
      recordOutcome(officer, answers, [String(target.businessKey)]),
      recordOutcome(officer, answers, [String(target.businessKey)]),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([400, 409]).toContain(statuses[1]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM plugin_target_outcome.read_case WHERE target_reference = '${String(sheet.targetId)}'`,
      ),
    ).toBe(1);
  });

  it('moves a target to a new receiving team with its open task, tells that team, and names changed questions by label', async () => {
    const sheet = targetSheet({ receivingTeam: 'dover-freight-team-a' });
    const target = (await sim.sendTarget(sheet)).body;
    const task = (await api(`/api/cases/${target.businessKey}`, officer)).body.tasks[0];
    const claimed = await api(`/api/tasks/${task.id}/claim`, officer, {});
    expect(claimed.status).toBe(200);

    const dover = await SseClient.connect(
      `${app.url}/api/notifications/stream?access_token=${officer.authorization!.slice(7)}`,
    );
    const felixstowe = await SseClient.connect(
      `${app.url}/api/notifications/stream?access_token=${freight.authorization!.slice(7)}`,
    );
    try {
      const newer = await sim.sendTarget({
        ...sheet,
        targetVersion: 2,
        receivingTeam: 'felixstowe-freight-team-a',
        vesselName: 'Pride of Kent',
      });
      expect(newer.body).toMatchObject({ status: 'updated', changed: ['receivingTeam', 'vesselName'] });
      const [moved] = await felixstowe.waitFor(1);
      expect(moved).toMatchObject({
        kind: 'cerberus.target',
        urgent: true,
        caseId: target.caseId,
        title: `Target moved to your team: ${String(target.businessKey)}`,
      });
      const [updated] = await dover.waitFor(1);
      expect(updated).toMatchObject({ kind: 'cerberus.target-updated', caseId: target.caseId });
      expect(updated!.body).toMatch(/^Changed: Receiving team, Vessel name\. It is now with /);
    } finally {
      dover.close();
      felixstowe.close();
    }
    const view = await api(`/api/cases/${target.businessKey}`, freight);
    expect(view.body).toMatchObject({ teamId: 'felixstowe-freight-team-a', state: 'issued' });
    expect(view.body.tasks).toEqual([
      expect.objectContaining({ id: task.id, status: 'open', teamId: 'felixstowe-freight-team-a', assignee: null }),
    ]);
    // The new team can record its outcome; the old one no longer sees the target.
    const fromDover = await recordOutcome(officer, {
      targetReference: sheet.targetId,
      outcomeDateTime: anHourAgo(),
      outcome: 'negative',
    });
    expect(fromDover.status).toBe(400);
    const fromFelixstowe = await recordOutcome(freight, {
      targetReference: sheet.targetId,
      outcomeDateTime: anHourAgo(),
      outcome: 'negative',
    });
    expect(fromFelixstowe.status).toBe(201);
  });
});
