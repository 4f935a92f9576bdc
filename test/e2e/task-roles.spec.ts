import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const ROLE_PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'role-plugins');

interface Task {
  id: string;
  caseId: string;
  title: string;
  candidateRole: string | null;
  exceptRoles: string[];
  status: string;
  canClaim: boolean;
  assignee: { name: string } | null;
}

describe('task roles: who may claim, and the shell told so', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let officer2: Record<string, string>;
  let manager: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [ROLE_PLUGINS] });
    [officer, officer2, manager] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'officer2'),
      signIn(app, 'manager'),
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
  const teamTask = async (auth: Record<string, string>, caseId: string): Promise<Task> => {
    const page = await call('GET', '/api/tasks?scope=team&limit=100', auth);
    const task = (page.body.tasks as Task[]).find((t) => t.caseId === caseId);
    if (!task) throw new Error(`no team task for case ${caseId}`);
    return task;
  };
  /** The case's open task, as the case page shows it. */
  const caseTask = async (auth: Record<string, string>, caseId: string): Promise<Task> =>
    (await call('GET', `/api/cases/${caseId}`, auth)).body.tasks.find((t: Task) => t.status === 'open');

  it("tells an officer they may not claim a manager's task, and refuses the claim with 403", async () => {
    const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, {
      answers: {
        category: 'safety',
        occurredAt: '2026-11-20T14:30',
        port: 'dover',
        team: 'dover-tourist-controls-team-1',
        description: 'Lane 3 barrier failed to lower.',
        actionNeeded: false,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const asOfficer = await teamTask(officer, id);
    expect(asOfficer).toMatchObject({ title: 'Review hot debrief', candidateRole: 'manager', canClaim: false });
    expect((await caseTask(officer, id)).canClaim).toBe(false);
    const refused = await call('POST', `/api/tasks/${asOfficer.id}/claim`, officer);
    expect(refused).toEqual({
      status: 403,
      body: expect.objectContaining({ message: 'This task is for the manager role' }),
    });
    expect((await teamTask(manager, id)).canClaim).toBe(true);
    const claimed = await call('POST', `/api/tasks/${asOfficer.id}/claim`, manager);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ assignee: { name: 'Morgan Manager' }, canClaim: false });
    expect((await teamTask(officer, id)).canClaim).toBe(false);
  });

  it('keeps a task declared for officers but not managers from a manager, though the manager is an officer too', async () => {
    const created = await call('POST', '/api/plugins/goods-examination/cases', officer, {
      answers: { description: 'Two pallets of undeclared tobacco' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.tasks).toEqual([
      expect.objectContaining({ title: 'Examine the goods', candidateRole: 'officer', exceptRoles: ['manager'] }),
    ]);
    const asManager = await teamTask(manager, id);
    expect(asManager.canClaim).toBe(false);
    expect((await caseTask(manager, id)).canClaim).toBe(false);
    expect(await call('POST', `/api/tasks/${asManager.id}/claim`, manager)).toEqual({
      status: 403,
      body: expect.objectContaining({ message: 'This task is not for the manager role' }),
    });
    // Nor may a manager hand it to a manager: a field-level 400, nothing changed.
    const toManager = await call('POST', `/api/tasks/${asManager.id}/assign`, manager, { username: 'manager' });
    expect(toManager.status).toBe(400);
    expect(toManager.body.errors).toEqual([
      { path: 'username', message: 'Morgan Manager cannot be given this task: this task is not for the manager role' },
    ]);
    expect(await app.sql('SELECT assignee_id FROM core.task WHERE id = $1', [asManager.id])).toEqual([
      { assignee_id: null },
    ]);
    // The case's actions leave out "Record the examination" for the manager, and taking it is refused.
    const managerView = await call('GET', `/api/cases/${id}`, manager);
    expect(managerView.body.actions).toEqual([]);
    expect((await call('POST', `/api/cases/${id}/actions/examine`, manager, { version: 1 })).status).toBe(403);

    const asOfficer2 = await teamTask(officer2, id);
    expect(asOfficer2.canClaim).toBe(true);
    expect((await call('POST', `/api/tasks/${asOfficer2.id}/claim`, officer2)).status).toBe(200);
    const officerView = await call('GET', `/api/cases/${id}`, officer2);
    expect(officerView.body.actions.map((a: { id: string }) => a.id)).toEqual(['examine']);
    const examined = await call('POST', `/api/cases/${id}/actions/examine`, officer2, { version: 1 });
    expect(examined.status).toBe(200);
    const signOff = (examined.body.tasks as Task[]).find((t) => t.title === 'Sign off the examination')!;
    expect(signOff).toMatchObject({ candidateRole: 'manager', exceptRoles: [], canClaim: false });
    expect((await teamTask(manager, id)).canClaim).toBe(true);
  });

  it('lets a manager give an officer-only task to an officer', async () => {
    const created = await call('POST', '/api/plugins/goods-examination/cases', officer, {
      answers: { description: 'A crate of parrots' },
    });
    const task = await teamTask(manager, created.body.id as string);
    const given = await call('POST', `/api/tasks/${task.id}/assign`, manager, { username: 'officer2' });
    expect(given.status).toBe(200);
    expect(given.body.assignee.name).toBe('Owen Officer');
  });
});
