import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const debrief = (overrides: Record<string, unknown> = {}) => ({
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: false,
  ...overrides,
});

/** An Idempotency-Key repeats one request; the key reused for another is refused (issue 20, item 16). */
describe('Idempotency-Key', () => {
  let app: TestApp;
  let officer: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const submit = async (pluginId: string, key: string, body: unknown) => {
    const response = await fetch(`${app.url}/api/plugins/${pluginId}/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json', 'idempotency-key': key },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const cases = async () => Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM core.case'))[0]!.n);

  it('answers the same request again with the first case, whatever the order of its keys', async () => {
    const first = await submit('hot-debrief', 'key-same', { answers: debrief() });
    expect(first.status).toBe(201);
    const reordered = JSON.stringify({ answers: Object.fromEntries(Object.entries(debrief()).reverse()) });
    const again = await submit('hot-debrief', 'key-same', reordered);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('refuses the key reused with a different body or for another workflow with 422 naming the mismatch', async () => {
    const first = await submit('hot-debrief', 'key-reused', { answers: debrief() });
    expect(first.status).toBe(201);
    const before = await cases();

    const otherBody = await submit('hot-debrief', 'key-reused', {
      answers: debrief({ description: 'Another thing.' }),
    });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.errors).toEqual([
      {
        path: 'idempotency-key',
        message: expect.stringMatching(new RegExp(`${first.body.businessKey} with a different body`)),
      },
    ]);

    const otherWorkflow = await submit('interpreter-request', 'key-reused', { answers: { language: 'fra' } });
    expect(otherWorkflow.status).toBe(422);
    expect(otherWorkflow.body.errors).toEqual([
      {
        path: 'idempotency-key',
        message: expect.stringMatching(new RegExp(`${first.body.businessKey} of another workflow \\(hot-debrief\\)`)),
      },
    ]);
    expect(await cases()).toBe(before);

    // Keys are the caller's own: another officer's same key is a new submission.
    const other = await signIn(app, 'officer2');
    const response = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
      method: 'POST',
      headers: { ...other, 'content-type': 'application/json', 'idempotency-key': 'key-reused' },
      body: JSON.stringify({ answers: debrief({ description: 'Another thing.' }) }),
    });
    expect(response.status).toBe(201);
  });

  it('answers racing requests with one key and one body with one case', async () => {
    const before = await cases();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        submit('hot-debrief', 'key-race', { answers: debrief({ description: 'Race.' }) }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await cases()).toBe(before + 1);
  });
});
