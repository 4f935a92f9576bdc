import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PLUGINS, signIn, startTestApp, type TestApp } from '../utils/app.js';

interface StatusRow {
  id: string;
  state: string;
  version: string | null;
  reason?: string;
  source: string;
}

describe('plugin host', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let officer: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURE_PLUGINS] });
    admin = await signIn(app, 'admin');
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const get = async (path: string, headers: Record<string, string>) => fetch(`${app.url}${path}`, { headers });
  const post = async (path: string, headers: Record<string, string>) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers });
  const status = async () =>
    ((await (await get('/api/plugins/status', admin)).json()) as { plugins: StatusRow[] }).plugins;

  it('lists the real plugin and the valid fixture to officers, with what the shell needs', async () => {
    const response = await get('/api/plugins', officer);
    expect(response.status).toBe(200);
    const { plugins } = (await response.json()) as { plugins: Record<string, unknown>[] };
    const ids = plugins.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['hot-debrief', 'valid-fixture']));
    expect(ids).not.toContain('broken-manifest');
    const debrief = plugins.find((p) => p.id === 'hot-debrief')!;
    expect(debrief).toMatchObject({
      title: 'Hot debrief',
      canStart: true,
      startForm: 'hot-debrief',
      category: 'Frontline',
    });
    expect((debrief.forms as { id: string }[])[0]!.id).toBe('hot-debrief');
    expect((debrief.workflow as { states: { id: string }[] }).states.map((s) => s.id)).toEqual([
      'submitted',
      'reviewed',
    ]);
  });

  it('quarantines each broken fixture with its reason while the others serve', async () => {
    const rows = await status();
    const byId = (id: string, version?: string) =>
      rows.find((r) => r.id === id && (version ? r.version === version : true));
    expect(byId('hot-debrief')?.state).toBe('enabled');
    expect(byId('valid-fixture', '1.2.3')?.state).toBe('enabled');
    expect(byId('broken-manifest')).toMatchObject({ state: 'quarantined' });
    expect(byId('broken-manifest')?.reason).toContain('title is required');
    expect(byId('broken-manifest')?.reason).toContain('version must be a semantic version');
    expect(byId('broken-manifest')?.reason).toContain('unknown role');
    expect(byId('valid-fixture', '9.9.9')).toMatchObject({ state: 'quarantined' });
    expect(byId('valid-fixture', '9.9.9')?.reason).toContain('duplicate id "valid-fixture"');
    expect(byId('failing-migration')?.reason).toMatch(/migration 1764130300001-bad failed: .*no_such_table/);
    expect(byId('throwing-hook')?.reason).toBe('onLoad hook failed: cannot reach the widget service');
    expect(byId('bad-workflow')?.state).toBe('quarantined');
    expect(byId('bad-workflow')?.reason).toContain('workflow action "close" names unknown role "wizard"');
    expect(byId('bad-workflow')?.reason).toContain('workflow action "escape" goes to unknown state "nowhere"');
    expect(byId('bad-workflow')?.reason).toContain(
      'workflow action "escape" uses form "escape-form", which is not in forms/',
    );
    expect(byId('bad-form')?.state).toBe('quarantined');
    expect(byId('bad-form')?.reason).toMatch(/^forms\/bad-form.form.json: .*nationality.*/);
    expect(byId('unsupported-sdk')?.reason).toBe("sdk range ^2.0.0 does not include this core's SDK 1.0.0");
  });

  it('rolls back a failing migration whole, keeping the migrations before it', async () => {
    const tables = await app.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'plugin_failing_migration' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['good', 'migrations']);
  });

  it('gives each plugin its own schema and migrations table', async () => {
    const applied = await app.sql<{ name: string }>('SELECT name FROM plugin_valid_fixture.migrations');
    expect(applied.map((r) => r.name)).toEqual(['1764130200000-create-thing']);
    // A plugin whose data is all its answers has no migrations: the core keeps its read model.
    for (const schema of ['plugin_hot_debrief', 'plugin_event_at_border']) {
      const names = await app.sql<{ name: string }>(`SELECT name FROM ${schema}.migrations`);
      expect({ schema, names }).toEqual({ schema, names: [] });
    }
  });

  it('keeps the status API to admins', async () => {
    expect((await get('/api/plugins/status', officer)).status).toBe(403);
    expect((await get('/api/plugins/status', {})).status).toBe(401);
    expect((await post('/api/plugins/hot-debrief/disable', officer)).status).toBe(403);
  });

  it('disables and enables a plugin at runtime: discovery and its routes follow at once', async () => {
    const disabled = await post('/api/plugins/valid-fixture/disable', admin);
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ id: 'valid-fixture', state: 'disabled' });
    const listed = (await (await get('/api/plugins', officer)).json()) as { plugins: { id: string }[] };
    expect(listed.plugins.map((p) => p.id)).not.toContain('valid-fixture');
    const route = await get('/api/plugins/valid-fixture/anything', officer);
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ message: 'There is no enabled plugin "valid-fixture"' });
    const stored = await app.sql<{ enabled: boolean; updated_by: string }>(
      "SELECT enabled, updated_by FROM core.plugin_state WHERE plugin_id = 'valid-fixture'",
    );
    expect(stored).toEqual([{ enabled: false, updated_by: 'admin' }]);

    expect((await post('/api/plugins/valid-fixture/enable', admin)).status).toBe(200);
    const relisted = (await (await get('/api/plugins', officer)).json()) as { plugins: { id: string }[] };
    expect(relisted.plugins.map((p) => p.id)).toContain('valid-fixture');
  });

  it('refuses to enable a quarantined plugin or an unknown one, clearly', async () => {
    const quarantined = await post('/api/plugins/throwing-hook/enable', admin);
    expect(quarantined.status).toBe(409);
    expect(((await quarantined.json()) as { message: string }).message).toContain('quarantined');
    expect((await post('/api/plugins/no-such-plugin/enable', admin)).status).toBe(404);
  });

  it('serves the API description to signed-in callers only', async () => {
    for (const path of [
      '/api/docs',
      '/api/docs/',
      '/api/docs-json',
      '/api/docs-yaml',
      '/api/docs/swagger-ui-init.js',
    ]) {
      const anonymous = await get(path, {});
      expect([path, anonymous.status]).toEqual([path, 401]);
      expect(await anonymous.json()).toEqual({ statusCode: 401, message: 'Sign in to continue' });
      expect([path, (await get(path, { authorization: 'Bearer not-a-token' })).status]).toEqual([path, 401]);
      const signedIn = await get(path, officer);
      expect([path, signedIn.status]).toEqual([path, 200]);
      await signedIn.arrayBuffer();
    }
    // A token whose session has ended is refused too.
    const ended = await signIn(app, 'intel');
    expect((await post('/api/auth/logout', ended)).status).toBe(204);
    expect((await get('/api/docs-json', ended)).status).toBe(401);
  });

  it('serves the API description to anyone with API_DOCS_PUBLIC=true; the shell files keep their caching', async () => {
    const shell = await mkdtemp(join(tmpdir(), 'cop-shell-'));
    await writeFile(join(shell, 'index.html'), '<!doctype html><title>shell</title>');
    await writeFile(join(shell, 'main.js'), 'console.log("shell");');
    const open = await startTestApp({ env: { API_DOCS_PUBLIC: 'true', PLUGINS_BUNDLED: 'false', SHELL_DIR: shell } });
    try {
      const docs = await fetch(`${open.url}/api/docs-json`);
      expect(docs.status).toBe(200);
      expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      expect((await fetch(`${open.url}/api/docs`)).status).toBe(200);
      for (const path of ['/main.js', '/', '/cases/some-case']) {
        const file = await fetch(`${open.url}${path}`);
        await file.arrayBuffer();
        expect(file.status).toBe(200);
        expect(file.headers.get('cache-control')).not.toContain('no-store');
      }
      const login = await fetch(`${open.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: 'demo-password' }),
      });
      expect([login.status, login.headers.get('cache-control')]).toEqual([200, 'no-store']);
    } finally {
      await open.close();
      await rm(shell, { recursive: true, force: true });
    }
  });

  it('answers health checks and serves the OpenAPI document', async () => {
    expect(await (await get('/health/live', {})).json()).toEqual({ status: 'ok' });
    expect(await (await get('/health/ready', {})).json()).toEqual({ status: 'ok', database: 'ok' });
    const docs = (await (await get('/api/docs-json', officer)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(docs.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/api/plugins', '/api/plugins/status', '/api/auth/login']),
    );
    // Each plugin's answers are described from its form declaration.
    const components = (
      docs as unknown as {
        components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
      }
    ).components;
    const debrief = components.schemas['hot-debrief.hot-debrief.v1']!;
    expect(Object.keys(debrief.properties)).toEqual(
      expect.arrayContaining(['category', 'occurredAt', 'port', 'description']),
    );
    expect(JSON.stringify(docs.paths['/api/plugins/hot-debrief/cases'])).toContain(
      '#/components/schemas/hot-debrief.hot-debrief.v1',
    );
  });
});
