import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const debrief = {
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower.',
  actionNeeded: false,
};

describe('the team that owns a case submitted over the API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
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
  const submit = (auth: Record<string, string>, pluginId = 'hot-debrief', answers: unknown = debrief) =>
    call('POST', `/api/plugins/${pluginId}/cases`, auth, { answers });

  it("is the submitter's own team when they have started no shift, and their tasks go there", async () => {
    const officer = await signIn(app, 'officer');
    const created = await submit(officer);
    expect(created.status).toBe(201);
    expect(created.body.teamId).toBe('dover-tourist-controls-team-1');
    expect(created.body.tasks.map((t: { teamId: string }) => t.teamId)).toEqual(['dover-tourist-controls-team-1']);
  });

  it('is the shift team once a shift is started, and the own team again when it ends', async () => {
    const officer = await signIn(app, 'officer');
    const shift = await call('POST', '/api/shift', officer, {
      teamId: 'dover-tourist-controls-team-2',
      location: 'dover',
    });
    expect(shift.status).toBe(200);
    expect((await submit(officer)).body.teamId).toBe('dover-tourist-controls-team-2');
    expect((await call('DELETE', '/api/shift', officer)).status).toBeLessThan(300);
    expect((await submit(officer)).body.teamId).toBe('dover-tourist-controls-team-1');
  });

  it('is refused with 409 and a message when the submitter has no shift and no team of their own, storing nothing', async () => {
    // Accounts from an identity provider that sends no team claim have none.
    await app.sql("UPDATE core.app_user SET team_id = NULL WHERE username = 'officer2'");
    const teamless = await signIn(app, 'officer2');
    const before = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM core.case');
    const refused = await submit(teamless);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      message:
        'Start a shift before you submit a Hot debrief: your account has no team, so the case would belong to nobody',
      reason: 'no-team',
    });
    expect(await app.sql('SELECT count(*)::int AS n FROM core.case')).toEqual(before);
  });
});
