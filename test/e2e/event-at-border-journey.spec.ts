import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const anHourAgo = () => new Date(Date.now() - 3600_000).toISOString().slice(0, 16);

/** A cocaine seizure at Dover from a car, as an officer would record it. */
const seizure = () => ({
  eventDateTime: anHourAgo(),
  port: 'dover',
  transportMode: 'roro-tourist',
  outcome: 'seizure',
  items: [
    { item: 'cocaine', quantity: 1.2, unit: 'kg' },
    { item: 'cigarettes', quantity: 4000, unit: 'sticks' },
  ],
  concealmentMethod: 'vehicle-adapted-compartment',
  detectionMethod: 'detector-dog',
  personsInvolved: true,
  persons: [{ givenName: 'Anna', familyName: 'Kowalska', dateOfBirth: '1990-05-01', nationality: 'NLD' }],
  vehicleRegistration: 'ab12 cde',
  targeted: false,
  summary: 'Car examined at the Eastern Docks after the dog indicated on the boot.',
});

describe('event at the border, end to end through the API', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let manager: Record<string, string>;
  let intel: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    [officer, manager, intel] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'manager'),
      signIn(app, 'intel'),
    ]);
  });
  afterAll(async () => app?.close());

  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  /** What the core's read model keeps of the case for reports: its state and the marked answers. */
  const readModel = async (id: string) => ({
    case: await app.sql(
      'SELECT state, owner_team, port, outcome, at FROM plugin_event_at_border.read_case WHERE case_id = $1',
      [id],
    ),
    items: await app.sql(
      'SELECT line, item, quantity::float8 AS quantity, unit FROM plugin_event_at_border.read_case_items WHERE case_id = $1 ORDER BY line',
      [id],
    ),
  });
  const queue = async (auth: Record<string, string>, scope: 'team' | 'mine') =>
    (await call('GET', `/api/tasks?scope=${scope}&plugin=event-at-border`, auth)).body.tasks as {
      caseId: string;
      title: string;
      id: string;
    }[];

  it('goes submitted → referred to the intelligence hub → closed, by the right roles, with tasks in the right queues and the history audited', async () => {
    const created = await call('POST', '/api/plugins/event-at-border/cases', officer, { answers: seizure() });
    expect(created.body.errors).toBeUndefined();
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ state: 'submitted', teamId: 'dover-tourist-controls-team-1' });
    expect(await readModel(id)).toEqual({
      case: [
        {
          state: 'submitted',
          owner_team: 'dover-tourist-controls-team-1',
          port: 'dover',
          outcome: 'seizure',
          at: expect.any(Date),
        },
      ],
      items: [
        { line: 1, item: 'cocaine', quantity: 1.2, unit: 'kg' },
        { line: 2, item: 'cigarettes', quantity: 4000, unit: 'sticks' },
      ],
    });

    // The Dover managers' queue has the routing task; the intelligence hub's has nothing yet.
    expect((await queue(manager, 'team')).filter((t) => t.caseId === id).map((t) => t.title)).toEqual([
      'Review event and send the referral to the right team',
    ]);
    expect((await queue(intel, 'team')).some((t) => t.caseId === id)).toBe(false);
    expect((await call('GET', `/api/cases/${id}`, intel)).status).toBe(404);

    // An intelligence officer may not route it; the manager does.
    expect((await call('POST', `/api/cases/${id}/actions/refer-intelligence-hub`, intel, { version: 1 })).status).toBe(
      404,
    );
    const referred = await call('POST', `/api/cases/${id}/actions/refer-intelligence-hub`, manager, { version: 1 });
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({ state: 'with-intelligence-hub', version: 2 });
    expect((await readModel(id)).case).toEqual([expect.objectContaining({ state: 'with-intelligence-hub' })]);

    // Now the hub sees the case and its task; the manager's routing task is done.
    const hubTask = (await queue(intel, 'team')).find((t) => t.caseId === id)!;
    expect(hubTask.title).toBe('Assess seizure referral');
    expect((await queue(manager, 'team')).some((t) => t.caseId === id)).toBe(false);
    expect((await call('POST', `/api/tasks/${hubTask.id}/claim`, intel)).status).toBe(200);

    const missingForm = await call('POST', `/api/cases/${id}/actions/record-referral-outcome`, intel, {
      version: 2,
      answers: {},
    });
    expect(missingForm.status).toBe(400);
    expect(missingForm.body.errors.length).toBeGreaterThan(0);
    expect(missingForm.body.errors).toEqual([expect.objectContaining({ path: 'referralOutcome' })]);
    const closed = await call('POST', `/api/cases/${id}/actions/record-referral-outcome`, intel, {
      version: 2,
      answers: { referralOutcome: 'intelligence-recorded', notes: 'Recorded against the vehicle and the driver.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', terminal: true, version: 3, actions: [] });
    expect((await readModel(id)).case).toEqual([expect.objectContaining({ state: 'closed' })]);
    expect((await queue(intel, 'team')).some((t) => t.caseId === id)).toBe(false);

    // The whole history is in the audit log, and the chain is intact.
    const history = await app.sql<{ action: string; actor: string }>(
      "SELECT action, actor FROM core.audit WHERE case_id = $1 AND action <> 'case.viewed' ORDER BY id",
      [id],
    );
    expect(history).toEqual([
      { action: 'case.created', actor: 'officer' },
      { action: 'case.transitioned', actor: 'manager' },
      { action: 'task.claimed', actor: 'intel' },
      { action: 'case.transitioned', actor: 'intel' },
    ]);
    const verified = await call('GET', '/api/audit/verify', await signIn(app, 'admin'));
    expect(verified.body).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('finds one vehicle registration submitted in two different workflows, normalised, grouped by workflow', async () => {
    await call('POST', '/api/plugins/event-at-border/cases', officer, {
      answers: { ...seizure(), vehicleRegistration: 'XY34 ZZZ' },
    });
    const referral = await call('POST', '/api/plugins/intelligence-referral/cases', officer, {
      answers: {
        source: 'frontline',
        handlingCondition: 'P',
        subjectTypes: ['vehicle'],
        vehicleRegistration: 'xy34zzz',
        indicators: ['travel-pattern'],
        narrative: 'The same car crossed three times this week with different drivers.',
      },
    });
    expect(referral.body.errors).toBeUndefined();
    const found = await call('GET', '/api/search?term=vehicle.registration&value=Xy 34 zZz', officer);
    expect(found.status).toBe(200);
    expect(found.body.normalised).toBe('XY34ZZZ');
    expect(found.body.groups.map((g: { pluginId: string }) => g.pluginId).sort()).toEqual([
      'event-at-border',
      'intelligence-referral',
    ]);
    // Search keeps to the caller's reach: an officer of another command finds nothing.
    const elsewhere = await call(
      'GET',
      '/api/search?term=vehicle.registration&value=XY34ZZZ',
      await signIn(app, 'freight'),
    );
    expect(elsewhere.body).toMatchObject({ total: 0, groups: [] });
    // A disabled workflow's cases are left out before the limit, so a page is still full.
    const admin = await signIn(app, 'admin');
    await call('POST', '/api/plugins/intelligence-referral/disable', admin); // the newer of the two
    try {
      const one = await call('GET', '/api/search?term=vehicle.registration&value=XY34ZZZ&limit=1', officer);
      expect(one.body.total).toBe(1);
      expect(one.body.groups.map((g: { pluginId: string }) => g.pluginId)).toEqual(['event-at-border']);
    } finally {
      await call('POST', '/api/plugins/intelligence-referral/enable', admin);
    }
    const bad = await call('GET', '/api/search?term=vehicle.colour&value=red', officer);
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'term', message: 'There is no data term "vehicle.colour"' }] },
    });
  });
});
