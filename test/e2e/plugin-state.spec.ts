import {
  createTestDatabase,
  dropTestDatabase,
  FIXTURE_PLUGINS,
  signIn,
  startTestApp,
  type TestApp,
} from '../utils/app.js';

const ids = async (app: TestApp, auth: Record<string, string>) =>
  (
    (await (await fetch(`${app.url}/api/plugins`, { headers: auth })).json()) as { plugins: { id: string }[] }
  ).plugins.map((p) => p.id);

async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe('plugin state across restarts and instances', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => dropTestDatabase(databaseUrl));

  it('keeps a disabled plugin disabled after a restart, and enabled after re-enabling', async () => {
    const first = await startTestApp({ databaseUrl, pluginDirs: [FIXTURE_PLUGINS] });
    await fetch(`${first.url}/api/plugins/valid-fixture/disable`, {
      method: 'POST',
      headers: await signIn(first, 'admin'),
    });
    await first.close();

    const second = await startTestApp({ databaseUrl, pluginDirs: [FIXTURE_PLUGINS] });
    const officer = await signIn(second, 'officer');
    expect(await ids(second, officer)).not.toContain('valid-fixture');
    expect((await fetch(`${second.url}/api/plugins/valid-fixture/x`, { headers: officer })).status).toBe(404);
    await fetch(`${second.url}/api/plugins/valid-fixture/enable`, {
      method: 'POST',
      headers: await signIn(second, 'admin'),
    });
    await second.close();

    const third = await startTestApp({ databaseUrl, pluginDirs: [FIXTURE_PLUGINS] });
    expect(await ids(third, await signIn(third, 'officer'))).toContain('valid-fixture');
    // Migrations ran once: a restart found nothing pending.
    expect(await third.sql('SELECT name FROM plugin_valid_fixture.migrations')).toHaveLength(1);
    await third.close();
  });

  it('tells a second instance on the same database at once (LISTEN/NOTIFY)', async () => {
    const a = await startTestApp({ databaseUrl });
    const b = await startTestApp({ databaseUrl });
    try {
      const officerOnB = await signIn(b, 'officer');
      expect(await ids(b, officerOnB)).toContain('hot-debrief');
      await fetch(`${a.url}/api/plugins/hot-debrief/disable`, { method: 'POST', headers: await signIn(a, 'admin') });
      expect(await eventually(async () => !(await ids(b, officerOnB)).includes('hot-debrief'))).toBe(true);
      expect((await fetch(`${b.url}/api/plugins/hot-debrief/anything`, { headers: officerOnB })).status).toBe(404);
      await fetch(`${a.url}/api/plugins/hot-debrief/enable`, { method: 'POST', headers: await signIn(a, 'admin') });
      expect(await eventually(async () => (await ids(b, officerOnB)).includes('hot-debrief'))).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses an oversized body with 400 and a field-level error, storing nothing', async () => {
    const app = await startTestApp({ databaseUrl, env: { BODY_LIMIT_BYTES: '2048' } });
    try {
      const tooBig = {
        message: 'The request body must be 2 KB or smaller',
        errors: [{ path: 'body', message: 'The request body must be 2 KB or smaller' }],
      };
      // Declared length over the limit: refused before the body is read.
      const response = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(5000), password: 'y' }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ statusCode: 400, ...tooBig });

      // A chunked body (no Content-Length) that grows past the limit gets the same answer, and no case is stored.
      const officer = await signIn(app, 'officer');
      const before = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM core.case');
      const chunks = ['{"answers":{"summary":"', 'y'.repeat(1500), 'z'.repeat(3000), '"}}'];
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      });
      const chunked = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(400);
      expect(await chunked.json()).toEqual({ statusCode: 400, ...tooBig });
      expect(await app.sql('SELECT count(*)::int AS n FROM core.case')).toEqual(before);
    } finally {
      await app.close();
    }
  });
});
