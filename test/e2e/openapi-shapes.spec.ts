import { readFileSync } from 'node:fs';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { responseSchema, shapeErrors, type OpenApiDocument } from '../utils/openapi-shape.js';

/**
 * Holds the checked-in OpenAPI document (docs/openapi.json, from which the shell's types are
 * generated) to what the server really sends: each response the shell reads is checked against
 * the schema its route declares, strictly, so a field missing, mistyped or undeclared fails.
 */
const document = JSON.parse(
  readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

const debrief = {
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: true,
  actionDetails: 'Engineers to check the barrier before the night shift.',
};

describe('the OpenAPI document matches the responses', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let manager: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    [officer, manager, admin] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'manager'),
      signIn(app, 'admin'),
    ]);
  });
  afterAll(async () => app?.close());

  /** Calls the route and checks the body against the schema `template` declares for the status. */
  const expectShape = async (
    method: string,
    template: string,
    path: string,
    auth: Record<string, string>,
    status: number,
    body?: unknown,
  ) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as any;
    expect({ path, status: response.status }).toEqual({ path, status });
    expect(shapeErrors(document, responseSchema(document, method, template, status), json)).toEqual([]);
    return json;
  };

  it('identity: sign-in, the user, a shift', async () => {
    const session = await expectShape('POST', '/api/auth/login', '/api/auth/login', {}, 200, {
      username: 'officer',
      password: 'demo-password',
    });
    await expectShape('POST', '/api/auth/refresh', '/api/auth/refresh', {}, 200, {
      refreshToken: session.refreshToken,
    });
    const shift = { teamId: 'dover-tourist-controls-team-1', location: 'dover' };
    const started = await expectShape('POST', '/api/shift', '/api/shift', officer, 200, shift);
    expect(started.shift).not.toBeNull();
    await expectShape('GET', '/api/auth/me', '/api/auth/me', officer, 200);
    expect((await expectShape('GET', '/api/auth/config', '/api/auth/config', {}, 200)).oidc).toBeNull();
    expect((await expectShape('DELETE', '/api/shift', '/api/shift', officer, 200)).shift).toBeNull();
  });

  it('plugins: the list and the admin status', async () => {
    const { plugins } = await expectShape('GET', '/api/plugins', '/api/plugins', officer, 200);
    expect(plugins.length).toBeGreaterThan(10);
    await expectShape('GET', '/api/plugins/status', '/api/plugins/status', admin, 200);
  });

  it('cases, tasks, drafts and search', async () => {
    const created = await expectShape(
      'POST',
      '/api/plugins/{pluginId}/cases',
      '/api/plugins/hot-debrief/cases',
      officer,
      201,
      { answers: debrief },
    );
    const id = created.id as string;
    await expectShape('POST', '/api/cases/{id}/comments', `/api/cases/${id}/comments`, officer, 201, { body: 'Seen.' });
    const view = await expectShape('GET', '/api/cases/{id}', `/api/cases/${id}`, manager, 200);
    expect(view.tasks.length).toBe(1);
    expect(view.timeline.length).toBeGreaterThan(0);
    await expectShape('GET', '/api/cases', '/api/cases?limit=5', manager, 200);
    await expectShape('GET', '/api/cases/{id}/audit', `/api/cases/${id}/audit`, manager, 200);

    const page = await expectShape('GET', '/api/tasks', '/api/tasks?scope=team', manager, 200);
    expect(page.tasks.length).toBeGreaterThan(0);
    const claimed = await expectShape(
      'POST',
      '/api/tasks/{id}/claim',
      `/api/tasks/${view.tasks[0].id}/claim`,
      manager,
      200,
    );
    expect(claimed.assignee).not.toBeNull();
    const claimedCase = await expectShape('GET', '/api/cases/{id}', `/api/cases/${id}`, manager, 200);
    expect(claimedCase.actions.map((a: { id: string }) => a.id)).toEqual(['review']);
    const reviewed = await expectShape(
      'POST',
      '/api/cases/{id}/actions/{actionId}',
      `/api/cases/${id}/actions/review`,
      manager,
      200,
      { version: claimedCase.version },
    );
    expect(reviewed.terminal).toBe(true);

    const draftId = '6f1c1d0e-2f4b-4d47-9a4e-3b9b7c1f0a11';
    const draft = `/api/plugins/hot-debrief/drafts/${draftId}`;
    await expectShape('PUT', '/api/plugins/{pluginId}/drafts/{draftId}', draft, officer, 200, {
      answers: { category: 'safety' },
    });
    await expectShape('GET', '/api/plugins/{pluginId}/drafts/{draftId}', draft, officer, 200);
    await expectShape('GET', '/api/drafts', '/api/drafts', officer, 200);

    const found = await expectShape('GET', '/api/search', '/api/search?term=location.port&value=dover', manager, 200);
    expect(found.total).toBeGreaterThan(0);
  });

  it('notifications: the inbox', async () => {
    const me = await expectShape('GET', '/api/auth/me', '/api/auth/me', officer, 200);
    await app.sql(
      `INSERT INTO core.notification (user_id, kind, title, body, urgent, batch_id)
       VALUES ($1, 'test.kind', 'A test', 'Only a test', true, gen_random_uuid())`,
      [me.id],
    );
    const inbox = await expectShape('GET', '/api/notifications', '/api/notifications', officer, 200);
    expect(inbox.notifications.length).toBe(1);
  });

  it('reference data: the sets and their rows', async () => {
    const { sets } = await expectShape('GET', '/api/reference', '/api/reference', officer, 200);
    expect(sets).toEqual(expect.arrayContaining(['ports', 'teams']));
    for (const set of ['ports', 'teams'])
      expect(
        (await expectShape('GET', '/api/reference/{set}', `/api/reference/${set}`, officer, 200)).rows.length,
      ).toBeGreaterThan(0);
  });

  it('integrations: the outbox', async () => {
    await app.sql(
      `INSERT INTO core.outbox (topic, key, payload, status, attempts, last_error)
       VALUES ('test.topic', 'k-1', '{"n": 1}', 'dead', 10, 'no answer')`,
    );
    const { events } = await expectShape(
      'GET',
      '/api/integrations/outbox',
      '/api/integrations/outbox?status=dead',
      admin,
      200,
    );
    expect(events.length).toBe(1);
  });

  it('reports: the list, a run, the runs and a schedule', async () => {
    const { reports } = await expectShape('GET', '/api/reports', '/api/reports', manager, 200);
    expect(reports.some((r: { parameters: unknown[] }) => r.parameters.length > 0)).toBe(true);
    const report = 'hot-debrief.debriefs-by-category';
    const run = await expectShape('POST', '/api/reports/{reportId}/runs', `/api/reports/${report}/runs`, manager, 202, {
      parameters: { from: '2026-11-01', to: '2026-11-30' },
    });
    await expectShape('GET', '/api/reports/runs/{runId}', `/api/reports/runs/${run.id}`, manager, 200);
    await expectShape('GET', '/api/reports/runs', '/api/reports/runs', manager, 200);
    const schedule = `/api/reports/${report}/schedule`;
    await expectShape('GET', '/api/reports/{reportId}/schedule', schedule, manager, 200);
    await expectShape('PUT', '/api/reports/{reportId}/schedule', schedule, manager, 200, {
      cron: '0 6 1 * *',
      enabled: true,
    });
  });
});
