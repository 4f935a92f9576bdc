import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall } from '../utils/reports.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'dependency-plugins');

/**
 * A plugin names what it depends on; the host quarantines it, with the reason, when that is
 * missing, quarantined or disabled, and refuses to disable a plugin others depend on.
 */
describe('plugin dependencies', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  const status = async (target: TestApp, id: string) => {
    const { plugins } = (await apiCall(target, 'GET', '/api/plugins/status', await signIn(target, 'admin'))).body as {
      plugins: { id: string; state: string; reason?: string }[];
    };
    return plugins.find((p) => p.id === id);
  };

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURES] });
    admin = await signIn(app, 'admin');
  });
  afterAll(async () => app?.close());

  it('quarantines a plugin whose workflow, started workflow or reference sets are missing, naming each', async () => {
    expect(await status(app, 'needs-missing')).toMatchObject({
      state: 'quarantined',
      reason:
        'depends on workflow "no-such-workflow", which is not installed; its workflow starts a case of "nowhere", which is not installed',
    });
    expect(await status(app, 'odd-reference')).toMatchObject({
      state: 'quarantined',
      reason:
        'dependsOn.reference names set "moon-phases", which does not exist; ' +
        'forms/odd-reference.form.json: pages[0].components[0].reference: field "tide" uses reference set "tides", which does not exist',
    });
    expect(await status(app, 'needs-dep')).toMatchObject({ state: 'enabled' });
  });

  it('refuses to disable a plugin others depend on, naming them, and to enable one before what it needs', async () => {
    const refused = await apiCall(app, 'POST', '/api/plugins/dep/disable', admin);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'Plugin "dep" cannot be disabled while "needs-dep" depends on it: disable it first',
    );
    expect((await status(app, 'dep'))!.state).toBe('enabled');

    expect((await apiCall(app, 'POST', '/api/plugins/needs-dep/disable', admin)).status).toBe(200);
    expect((await apiCall(app, 'POST', '/api/plugins/dep/disable', admin)).status).toBe(200);
    const early = await apiCall(app, 'POST', '/api/plugins/needs-dep/enable', admin);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Plugin "needs-dep" needs "dep": enable it first');
    expect((await apiCall(app, 'POST', '/api/plugins/dep/enable', admin)).status).toBe(200);
    expect((await apiCall(app, 'POST', '/api/plugins/needs-dep/enable', admin)).status).toBe(200);
  });

  it('quarantines a plugin at start when what it depends on was left disabled', async () => {
    await app.sql(
      `INSERT INTO core.plugin_state (plugin_id, enabled, installed_version) VALUES ('dep', false, '1.0.0')
       ON CONFLICT (plugin_id) DO UPDATE SET enabled = false`,
    );
    const again = await startTestApp({ databaseUrl: app.databaseUrl, pluginDirs: [FIXTURES] });
    try {
      expect(await status(again, 'dep')).toMatchObject({ state: 'disabled' });
      expect(await status(again, 'needs-dep')).toMatchObject({
        state: 'quarantined',
        reason: 'depends on workflow "dep", which is disabled',
      });
    } finally {
      await again.close();
    }
  });
});
