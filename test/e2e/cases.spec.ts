import { Organisation } from '../../core/src/terms/organisation.js';
import type { ReferenceRow } from '../../core/src/terms/reference-data/index.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const debrief = (overrides: Record<string, unknown> = {}) => ({
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: true,
  actionDetails: 'Engineers to check the barrier before the night shift.',
  ...overrides,
});

describe('cases, tasks and the workflow', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let manager: Record<string, string>;
  let freight: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    [officer, manager, freight] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'manager'),
      signIn(app, 'freight'),
    ]);
  });
  afterAll(async () => app?.close());

  const call = async (
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
    extra: Record<string, string> = {},
  ) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...extra, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json().catch(() => null)) as any,
    };
  };
  const count = async (table: string) =>
    Number((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  it('submits a hot debrief: case, term index, task for the managers, audit, outbox and plugin record in one go', async () => {
    const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() });
    expect(created.status).toBe(201);
    expect(created.body.businessKey).toMatch(/^BF-\d{8}-\d+$/);
    expect(created.body).toMatchObject({
      pluginId: 'hot-debrief',
      state: 'submitted',
      stateLabel: 'Awaiting line manager review',
      teamId: 'dover-tourist-controls-team-1',
      version: 1,
    });
    expect(created.body.summary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'port', label: 'Where did it happen?', displayValue: 'Port of Dover' }),
      ]),
    );
    expect(created.body.tasks).toEqual([
      expect.objectContaining({
        title: 'Review hot debrief',
        priority: 'medium',
        teamId: 'dover-tourist-controls-team-1',
        candidateRole: 'manager',
      }),
    ]);
    const id = created.body.id as string;
    expect(await app.sql('SELECT term, normalised FROM core.case_term WHERE case_id = $1 ORDER BY term', [id])).toEqual(
      [
        { term: 'location.port', normalised: 'DOVER' },
        { term: 'staff.team', normalised: 'dover-tourist-controls-team-1' },
      ].map((r) => expect.objectContaining({ term: r.term })),
    );
    expect(await app.sql('SELECT action FROM core.audit WHERE case_id = $1', [id])).toEqual([
      { action: 'case.created' },
    ]);
    expect(await app.sql('SELECT topic FROM core.outbox WHERE case_id = $1', [id])).toEqual([
      { topic: 'case.submitted' },
    ]);
    expect(
      await app.sql('SELECT category, port AS port_id FROM plugin_hot_debrief.read_case WHERE case_id = $1', [id]),
    ).toEqual([{ category: 'safety', port_id: 'dover' }]);
  });

  it('rejects invalid answers with field-level messages and stores nothing', async () => {
    const before = await Promise.all(
      ['core.case', 'core.case_term', 'core.task', 'core.audit', 'core.outbox'].map(count),
    );
    const bad = await call('POST', '/api/plugins/hot-debrief/cases', officer, {
      answers: debrief({ category: undefined, port: 'atlantis', actionNeeded: false, surprise: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('There is a problem');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'category', message: 'Select what the debrief is about' },
        expect.objectContaining({ path: 'port' }),
        expect.objectContaining({ path: 'actionDetails' }),
        expect.objectContaining({ path: 'surprise' }),
      ]),
    );
    const after = await Promise.all(
      ['core.case', 'core.case_term', 'core.task', 'core.audit', 'core.outbox'].map(count),
    );
    expect(after).toEqual(before);
  });

  it('is idempotent: the same Idempotency-Key returns the first case and makes no second one', async () => {
    const key = { 'idempotency-key': 'debrief-1234' };
    const first = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() }, key);
    const again = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() }, key)),
    );
    expect(first.status).toBe(201);
    for (const replay of again) {
      expect(replay.status).toBe(200);
      expect(replay.body.businessKey).toBe(first.body.businessKey);
    }
    expect(await app.sql("SELECT count(*)::int AS n FROM core.case WHERE idempotency_key = 'debrief-1234'")).toEqual([
      { n: 1 },
    ]);
  });

  it('gives business keys that never repeat under concurrency', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() })),
    );
    const keys = results.map((r) => r.body.businessKey as string);
    expect(new Set(keys).size).toBe(20);
  });

  it("hides a case outside the caller's reach with 404, not 403", async () => {
    const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() });
    expect((await call('GET', `/api/cases/${created.body.id}`, freight)).status).toBe(404);
    expect((await call('GET', `/api/cases/${created.body.businessKey}`, freight)).status).toBe(404);
    expect((await call('GET', `/api/cases/${created.body.id}`, manager)).status).toBe(200);
  });

  it('moves through the workflow by the right role, with optimistic locking and a timeline', async () => {
    const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() });
    const id = created.body.id as string;
    expect(created.body.actions).toEqual([]);
    const asOfficer = await call('POST', `/api/cases/${id}/actions/review`, officer, { version: 1 });
    expect(asOfficer.status).toBe(403);

    const teamQueue = await call('GET', '/api/tasks?scope=team&plugin=hot-debrief', manager);
    const task = (teamQueue.body.tasks as { id: string; caseId: string }[]).find((t) => t.caseId === id)!;
    expect(task).toBeDefined();
    const claimed = await call('POST', `/api/tasks/${task.id}/claim`, manager);
    expect(claimed.body.assignee.name).toBe('Morgan Manager');
    const mine = await call('GET', '/api/tasks?scope=mine', manager);
    expect((mine.body.tasks as { id: string }[]).map((t) => t.id)).toContain(task.id);

    const viewed = await call('GET', `/api/cases/${id}`, manager);
    expect(viewed.body.actions).toEqual([{ id: 'review', label: 'Mark as reviewed', form: null }]);
    const reviewed = await call('POST', `/api/cases/${id}/actions/review`, manager, { version: 1 });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ state: 'reviewed', terminal: true, version: 2 });
    expect(reviewed.body.tasks[0].status).toBe('completed');

    const stale = await call('POST', `/api/cases/${id}/actions/review`, manager, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.currentState).toBe('reviewed');
    expect(reviewed.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'case.created',
      'task.claimed',
      'case.transitioned',
    ]);
  });

  it('rejects a stale version with 409 and the current version', async () => {
    const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() });
    await app.sql('UPDATE core.case SET version = 5 WHERE id = $1', [created.body.id]);
    const stale = await call('POST', `/api/cases/${created.body.id}/actions/review`, manager, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(5);
  });

  it('saves drafts partially valid, rejects wrong types, and removes the draft on submit', async () => {
    const draftId = '8a6f3c1e-2b4d-4e8f-9a1b-3c5d7e9f1a2b';
    const partial = await call('PUT', `/api/plugins/hot-debrief/drafts/${draftId}`, officer, {
      answers: { category: 'safety' },
    });
    expect(partial.status).toBe(200);
    const wrong = await call('PUT', `/api/plugins/hot-debrief/drafts/${draftId}`, officer, {
      answers: { actionNeeded: 'perhaps' },
    });
    expect(wrong.status).toBe(400);
    expect((await call('GET', `/api/plugins/hot-debrief/drafts/${draftId}`, freight)).status).toBe(404);
    expect((await call('GET', '/api/drafts', officer)).body.drafts).toHaveLength(1);
    const submitted = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief(), draftId });
    expect(submitted.status).toBe(201);
    expect((await call('GET', '/api/drafts', officer)).body.drafts).toHaveLength(0);
  });

  it('tells browsers and proxies not to keep any answer that carries case data (Cache-Control: no-store)', async () => {
    const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() });
    const draftId = '5b0e7c2a-9d4f-4a6b-8c1e-2f3a4b5c6d7e';
    const answers = [
      ['submission', created],
      ['case', await call('GET', `/api/cases/${created.body.id}`, manager)],
      ['case list', await call('GET', '/api/cases', manager)],
      ['task list', await call('GET', '/api/tasks?scope=team', manager)],
      ['search', await call('GET', '/api/search?term=vehicle.registration&value=AB12CDE', officer)],
      ['draft saved', await call('PUT', `/api/plugins/hot-debrief/drafts/${draftId}`, officer, { answers: {} })],
      ['draft', await call('GET', `/api/plugins/hot-debrief/drafts/${draftId}`, officer)],
      ['drafts', await call('GET', '/api/drafts', officer)],
      ['an error', await call('GET', `/api/cases/${draftId}`, manager)],
    ] as const;
    expect(answers.map(([what, r]) => [what, r.status < 500, r.headers.get('cache-control')])).toEqual(
      answers.map(([what]) => [what, true, 'no-store']),
    );
    expect(answers.filter(([, r]) => r.status >= 400).map(([what]) => what)).toEqual(['an error']);
  });

  it("pre-fills from the officer's shift", async () => {
    await call('POST', '/api/shift', officer, {
      teamId: 'dover-tourist-controls-team-2',
      location: 'folkestone',
    }).catch(() => undefined);
    const shift = await call('POST', '/api/shift', officer, {
      teamId: 'dover-tourist-controls-team-2',
      location: 'dover',
    });
    expect(shift.status).toBe(200);
    const prefill = await call('GET', '/api/plugins/hot-debrief/forms/hot-debrief/prefill', officer);
    expect(prefill.body.answers).toMatchObject({ port: 'dover', team: 'dover-tourist-controls-team-2' });
    await call('DELETE', '/api/shift', officer);
  });

  it('pages team tasks with a keyset cursor', async () => {
    const first = await call('GET', '/api/tasks?scope=team&limit=3', manager);
    expect(first.body.tasks).toHaveLength(3);
    const second = await call('GET', `/api/tasks?scope=team&limit=3&cursor=${first.body.nextCursor}`, manager);
    const ids = [...first.body.tasks, ...second.body.tasks].map((t: { id: string }) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await call('GET', '/api/tasks?scope=team&cursor=garbage', manager)).status).toBe(400);
    // An officer's queue is one team: the same walk through the single-team form of the query.
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        'GET',
        `/api/tasks?scope=team&sort=priority&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        officer,
      );
      pages.push(...page.body.tasks.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await call('GET', '/api/tasks?scope=team&sort=priority&limit=200', officer);
    expect(pages).toEqual(all.body.tasks.map((t: { id: string }) => t.id));
  });

  it("pages a manager's command queue (every team of the command) in the same order as one sorted list, for each sort", async () => {
    const organisation = new Organisation(
      await app.sql<ReferenceRow>(
        `SELECT id, label, parent, attributes FROM core.reference_row WHERE set_id = 'organisation'`,
      ),
    );
    const teams = organisation.teamsInCommand(organisation.commandOf('dover-tourist-controls-team-1')!);
    expect(teams.length).toBeGreaterThan(2);
    // Tasks spread over the command's teams with ties on priority and creation time and
    // some without a due time, so the merge must break ties exactly as the index does.
    await app.sql(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
       SELECT 'QUEUE-' || g, 'hot-debrief', 'hot-debrief', 1, '{}'::jsonb, 'submitted', ($1::text[])[1 + g % cardinality($1::text[])],
              (SELECT id FROM core.app_user WHERE username = 'officer')
         FROM generate_series(1, 30) g`,
      [teams],
    );
    await app.sql(
      `INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, priority, priority_rank, due_at, created_at)
       SELECT c.id, 'hot-debrief', 'submitted', 'Queue check', c.team_id, (ARRAY['low', 'medium', 'high', 'urgent'])[1 + g % 4], 1 + g % 4,
              CASE WHEN g % 5 = 0 THEN NULL ELSE timestamptz '2026-12-01' + (g % 7) * interval '1 hour' END,
              timestamptz '2026-11-01' + (g % 3) * interval '1 minute'
         FROM core.case c, generate_series(1, 2) k, LATERAL (SELECT (substring(c.business_key from 7))::int * 2 + k AS g) n
        WHERE c.business_key LIKE 'QUEUE-%'`,
    );
    const orders = {
      priority: 'priority_rank DESC, created_at, id',
      due: "COALESCE(due_at, 'infinity'::timestamptz), id",
      created: 'created_at DESC, id DESC',
    };
    for (const [sort, order] of Object.entries(orders)) {
      const expected = (
        await app.sql<{ id: string }>(
          `SELECT id FROM core.task WHERE status = 'open' AND team_id = ANY($1) ORDER BY ${order}`,
          [teams],
        )
      ).map((r) => r.id);
      expect(expected.length).toBeGreaterThanOrEqual(60);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await call(
          'GET',
          `/api/tasks?scope=team&sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
          manager,
        );
        expect(page.status).toBe(200);
        walked.push(...page.body.tasks.map((t: { id: string }) => t.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect({ sort, ids: walked }).toEqual({ sort, ids: expected });
    }
  });
});
