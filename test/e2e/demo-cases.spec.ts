import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';

/**
 * The embedded demo opens with work to look at: the sample cases plugins ship are submitted
 * through the API on the first start with an empty database, and never again.
 */
describe('demo cases', () => {
  let app: TestApp;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    app = await startTestApp({ databaseUrl, env: { DEMO_CASES: 'true' } });
  });
  afterAll(async () => {
    await app?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('submits every sample a plugin ships, through the full submission path', async () => {
    const expected = app.boot.registry
      .enabled()
      .flatMap((p) => (p.manifest.demo ?? []).map((d) => [p.id, d.count] as const))
      .reduce<Record<string, number>>((acc, [id, n]) => ({ ...acc, [id]: (acc[id] ?? 0) + n }), {});
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
    /** Items the plugin's samples record in their `items` group. */
    const seizedItems = (id: string) =>
      (app.boot.registry.get(id)?.manifest?.demo ?? [])
        .flatMap((d) => Array.from({ length: d.count }, (_, i) => d.answers(i, new Date()).items))
        .reduce<number>((n, items) => n + (Array.isArray(items) ? items.length : 0), 0);
    const created = await app.demoCases;
    expect(created).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    const rows = await app.sql<{ plugin_id: string; n: number }>(
      'SELECT plugin_id, count(*)::int AS n FROM core.case GROUP BY plugin_id',
    );
    expect(Object.fromEntries(rows.map((r) => [r.plugin_id, r.n]))).toEqual(expected);
    // Everything a submission writes is there: read model rows, term index, tasks, audit.
    const [events] = await app.sql<{ n: number; items: number }>(
      'SELECT count(*)::int AS n, (SELECT count(*)::int FROM plugin_event_at_border.read_case_items) AS items FROM plugin_event_at_border.read_case',
    );
    expect(events).toEqual({ n: expected['event-at-border'], items: seizedItems('event-at-border') });
    const [audited] = await app.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM core.audit WHERE action = 'case.created'",
    );
    expect(audited!.n).toBe(created);
    const [tasks] = await app.sql<{ n: number }>("SELECT count(*)::int AS n FROM core.task WHERE status = 'open'");
    expect(tasks!.n).toBeGreaterThan(0);
    // And it is found as officers would find it.
    const officer = await signIn(app, 'officer');
    const found = await fetch(`${app.url}/api/search?term=vehicle.registration&value=ab12cde`, { headers: officer });
    expect(((await found.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it('adds nothing on the next start (the database is no longer empty)', async () => {
    const second = await startTestApp({ databaseUrl, env: { DEMO_CASES: 'true' } });
    try {
      expect(await second.demoCases).toBe(0);
    } finally {
      await second.close();
    }
  });
});
