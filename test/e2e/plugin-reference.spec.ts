import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall } from '../utils/reports.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reference-plugins');

/** A plugin brings reference sets of its own and picks the rows of shared per-workflow sets it uses. */
describe('reference data from plugins', () => {
  let app: TestApp;
  let officer: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURES] });
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const ids = async (path: string) =>
    ((await apiCall(app, 'GET', path, officer)).body.rows as { id: string }[]).map((r) => r.id).sort();

  it('serves a plugin’s own set, current rows only unless asked for retired ones', async () => {
    expect(await ids('/api/reference/kit-check-faults')).toEqual(['battery', 'power']);
    expect(await ids('/api/reference/kit-check-faults?includeRetired=true')).toEqual(['battery', 'power', 'screen']);
  });

  it('offers a workflow only the rows of a per-workflow set it claims, a claimed row’s children included', async () => {
    expect(await ids('/api/reference/outcomes?flag=kit-check')).toEqual(['seizure']);
    const items = await ids('/api/reference/items?flag=kit-check');
    expect(items).toContain('cash');
    expect(items).toContain('cash-sterling');
    expect(items).not.toContain('cocaine');
  });

  it('gives the bundled workflows the shared rows their manifests claim, and no others', async () => {
    expect(await ids('/api/reference/outcomes?flag=event-at-border')).toEqual(['negative', 'no-show', 'seizure']);
    expect(await ids('/api/reference/outcomes?flag=target-outcome')).toEqual([
      'insufficient-resources',
      'missed',
      'negative',
      'no-show',
      'positive',
      'target-withdrawn',
    ]);
    const cashSeizure = await ids('/api/reference/items?flag=cash-seizure');
    const border = await ids('/api/reference/items?flag=event-at-border');
    expect(cashSeizure).toContain('cash-sterling');
    expect(cashSeizure).not.toContain('cocaine');
    expect(border).toEqual(expect.arrayContaining(['cash-sterling', 'cocaine']));
    expect(await ids('/api/reference/handling-conditions?flag=hot-debrief')).toEqual([]);
  });

  it('validates answers against the plugin’s set and its claims', async () => {
    const ok = await apiCall(app, 'POST', '/api/plugins/kit-check/cases', officer, {
      answers: { fault: 'battery', found: 'cash-euro' },
    });
    expect(ok.status).toBe(201);
    const bad = await apiCall(app, 'POST', '/api/plugins/kit-check/cases', officer, {
      answers: { fault: 'screen', found: 'cocaine' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['fault', 'found']);
  });

  it('quarantines a plugin whose reference data does not check out, naming every problem', async () => {
    const { plugins } = (await apiCall(app, 'GET', '/api/plugins/status', await signIn(app, 'admin'))).body as {
      plugins: { id: string; state: string; reason?: string }[];
    };
    expect(plugins.find((p) => p.id === 'bad-reference')).toMatchObject({
      state: 'quarantined',
      reason: [
        'reference set bad-reference-rows/a: duplicate id',
        'reference set bad-reference-rows/b: validTo 2026-01-01 is before validFrom 2026-02-01',
        'reference set bad-reference-rows/c: parent nowhere does not resolve',
        'reference set "ports" is already provided by the core',
        'reference.uses.outcomes names rows it does not have: no-such-outcome',
        'reference.uses names set "ports", whose rows every workflow may use already',
      ].join('; '),
    });
    expect((await apiCall(app, 'GET', '/api/reference/bad-reference-rows', officer)).status).toBe(404);
  });
});
