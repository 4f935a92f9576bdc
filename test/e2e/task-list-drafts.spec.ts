import { signIn, startTestApp, type TestApp } from '../utils/app.js';

// A task-list draft over HTTP on a real PostgreSQL: refusal of entry shows its reference at the
// top (`caseReference`), so its draft is given a business key when first saved, keeps it, and the
// case takes it on submission; the tasks the officer marks complete are kept with the draft.
describe('task-list drafts: the reference at the top and tasks marked complete', () => {
  let app: TestApp;
  let officer: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...officer, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const draftPath = (id: string) => `/api/plugins/refusal-of-entry/drafts/${id}`;

  const answers = {
    givenName: 'Maria',
    familyName: 'Silva',
    dateOfBirth: '1990-02-11',
    nationality: 'BRA',
    sex: 'female',
    documentType: 'passport',
    documentNumber: 'FX123456',
    issuingCountry: 'BRA',
    documentConcern: false,
    port: 'heathrow',
    transportMode: 'air-passenger',
    flightNumber: 'BA0246',
    arrivedAt: '2026-04-12T13:05',
    team: 'heathrow-t5-arrivals-red-team',
    riskFactors: ['purpose-not-credible'],
    examinationSummary: 'Could not give the address of the friend she said she was visiting.',
    powerUsed: 'examination',
    is81ServedAt: '2026-04-12T13:40',
    interpreterUsed: false,
    outcome: 'leave-granted',
    decisionAt: '2026-04-12T16:20',
  };

  it('reserves a business key for the draft once, keeps the marked tasks, and the case takes the key', async () => {
    const id = crypto.randomUUID();
    const first = await call('PUT', draftPath(id), {
      answers: { givenName: 'Maria' },
      page: 'tasks',
      completedTasks: ['additional', 'additional'],
    });
    expect(first.status).toBe(200);
    expect(first.body.businessKey).toMatch(/^BF-\d{8}-\d+$/);
    expect(first.body.completedTasks).toEqual(['additional']);

    const again = await call('PUT', draftPath(id), { answers: { givenName: 'Maria', familyName: 'Silva' } });
    expect(again.body).toMatchObject({ businessKey: first.body.businessKey, completedTasks: [] });
    expect((await call('GET', draftPath(id))).body).toMatchObject({ businessKey: first.body.businessKey });

    // A case submitted without a draft takes a new number from the same sequence.
    const other = await call('POST', '/api/plugins/refusal-of-entry/cases', { answers });
    expect(other.status).toBe(201);
    expect(other.body.businessKey).not.toBe(first.body.businessKey);

    const created = await call('POST', '/api/plugins/refusal-of-entry/cases', { answers, draftId: id });
    expect(created.status).toBe(201);
    expect(created.body.businessKey).toBe(first.body.businessKey);
    expect((await call('GET', draftPath(id))).status).toBe(404);
    const rows = await app.sql<{ n: string }>('SELECT count(*) AS n FROM core.case WHERE business_key = $1', [
      first.body.businessKey,
    ]);
    expect(rows[0]!.n).toBe('1');
  });

  it('refuses a task that is not marked complete by the officer, an unknown task and a step the form does not have', async () => {
    const id = crypto.randomUUID();
    const refused = await call('PUT', draftPath(id), {
      answers: {},
      page: 'hub',
      completedTasks: ['outcome', 'no-such-task'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'page', message: expect.stringContaining("page must be one of this form's pages") },
      {
        path: 'completedTasks[0]',
        message: 'Task "outcome" has required questions: it is complete when they are answered, not marked',
      },
      { path: 'completedTasks[1]', message: '"no-such-task" is not a task of this form that is marked complete' },
    ]);
    expect((await call('PUT', draftPath(id), { answers: {}, completedTasks: 'additional' })).body.errors).toEqual([
      { path: 'completedTasks', message: 'completedTasks must be a list of task ids' },
    ]);
    const many = Array.from({ length: 101 }, (_, i) => `task-${i}`);
    expect((await call('PUT', draftPath(id), { answers: {}, completedTasks: many })).body.errors).toEqual([
      { path: 'completedTasks', message: 'completedTasks must list at most 100 tasks' },
    ]);
    expect((await call('GET', draftPath(id))).status).toBe(404);
  });

  it('gives no key to a draft of a form without the reference at the top', async () => {
    const id = crypto.randomUUID();
    const saved = await call('PUT', `/api/plugins/hot-debrief/drafts/${id}`, { answers: {} });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ businessKey: null, completedTasks: [] });
  });
});
