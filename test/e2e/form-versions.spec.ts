import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createTestDatabase,
  dropTestDatabase,
  FIXTURE_PLUGINS,
  signIn,
  startTestApp,
  type TestApp,
} from '../utils/app.js';

interface Component {
  name?: string;
  label?: string;
  [key: string]: unknown;
}
interface Form {
  id: string;
  version: number;
  pages: { id: string; components: Component[] }[];
  [key: string]: unknown;
}
interface SummaryRow {
  label?: string;
  value?: unknown;
  [key: string]: unknown;
}

const PLUGIN = 'shift-handover';

/** Answers to version 1 of the shift handover form (the fixture as shipped). */
const V1_ANSWERS = {
  incomingSupervisor: 'Sam Patel',
  officersOnDuty: 12,
  shortStaffed: false,
  incidentLevel: 'none',
  incidentsOpen: false,
  radiosStatus: 'some-faulty',
  keysHeldBy: 'Duty manager',
};

/**
 * Version 2 of the form: `keysHeldBy` is renamed `evidenceKeysHolder` (with a new question)
 * and the radios question is removed.
 */
function version2(v1: Form): Form {
  const v2 = structuredClone(v1);
  v2.version = 2;
  const equipment = v2.pages.find((p) => p.id === 'equipment-checks')!;
  equipment.components = equipment.components
    .filter((c) => c.name !== 'radiosStatus')
    .map((c) =>
      c.name === 'keysHeldBy'
        ? {
            ...c,
            name: 'evidenceKeysHolder',
            label: 'Who has the evidence store keys?',
            messages: { required: 'Enter who has the evidence store keys' },
          }
        : c,
    );
  return v2;
}

describe('form versions: old cases render after the form changes', () => {
  let databaseUrl: string;
  let root: string;
  let formFile: string;
  let v1: Form;
  let app: TestApp | undefined;
  let oldCaseId: string;

  const start = async () => {
    app = await startTestApp({ databaseUrl, pluginDirs: [join(root, 'plugins')] });
    return app;
  };
  const stop = async () => {
    await app?.close();
    app = undefined;
  };
  const call = async (method: string, path: string, user: string, body?: unknown) => {
    const response = await fetch(`${app!.url}${path}`, {
      method,
      headers: { ...(await signIn(app!, user)), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };
  const pluginStatus = async () => {
    const { body } = await call('GET', '/api/plugins/status', 'admin');
    return (body.plugins as { id: string; state: string; reason?: string }[]).find((p) => p.id === PLUGIN);
  };
  const summaryText = (view: Record<string, unknown>) => JSON.stringify(view.summary as SummaryRow[]);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // A copy of the fixture at the same depth as test/fixtures/plugins/<id> (its imports are relative).
    await mkdir(join(process.cwd(), 'test-output'), { recursive: true });
    root = await mkdtemp(join(process.cwd(), 'test-output', 'form-versions-'));
    await cp(join(FIXTURE_PLUGINS, PLUGIN), join(root, 'plugins', PLUGIN), { recursive: true });
    formFile = join(root, 'plugins', PLUGIN, 'forms', `${PLUGIN}.form.json`);
    v1 = JSON.parse(await readFile(formFile, 'utf8')) as Form;
    expect(v1.version).toBe(1);
  });
  afterAll(async () => {
    await stop();
    await rm(root, { recursive: true, force: true });
    await dropTestDatabase(databaseUrl);
  });

  it('stores a case against version 1', async () => {
    await start();
    const created = await call('POST', `/api/plugins/${PLUGIN}/cases`, 'officer', { answers: V1_ANSWERS });
    expect(created.status).toBe(201);
    expect(created.body.formVersion).toBe(1);
    oldCaseId = created.body.id as string;
    await stop();
  });

  it('after version 2 ships (a field renamed, one removed) the old case still renders with version 1', async () => {
    await writeFile(formFile, JSON.stringify(version2(v1), null, 2));
    await start();
    expect(await pluginStatus()).toMatchObject({ state: 'enabled' });

    const old = await call('GET', `/api/cases/${oldCaseId}`, 'officer');
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ formVersion: 1, answers: V1_ANSWERS });
    const summary = summaryText(old.body);
    // Questions and answers as they were asked in version 1, the removed and renamed ones included.
    expect(summary).toContain('Who holds the keys to the evidence store?');
    expect(summary).toContain('Duty manager');
    expect(summary).toContain('Are the radios working?');
    expect(summary).toContain('Some are faulty');
    expect(summary).not.toContain('Who has the evidence store keys?');

    // New cases use version 2: the old field name is now unknown, the new one required.
    const stale = await call('POST', `/api/plugins/${PLUGIN}/cases`, 'officer', { answers: V1_ANSWERS });
    expect(stale.status).toBe(400);
    expect(JSON.stringify(stale.body.errors)).toContain('evidenceKeysHolder');
    const { radiosStatus: _removed, keysHeldBy: _renamed, ...kept } = V1_ANSWERS;
    const fresh = await call('POST', `/api/plugins/${PLUGIN}/cases`, 'officer', {
      answers: { ...kept, evidenceKeysHolder: 'Duty manager' },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.formVersion).toBe(2);
    expect(summaryText(fresh.body)).toContain('Who has the evidence store keys?');
    await stop();
  });

  it('loads a version whose definition is the same JSON (reformatted, keys reordered)', async () => {
    const { pages, ...rest } = version2(v1);
    const reordered = { pages, ...rest }; // pages first, then the rest
    expect(Object.keys(reordered)[0]).toBe('pages');
    await writeFile(formFile, JSON.stringify(reordered));
    await start();
    expect(await pluginStatus()).toMatchObject({ state: 'enabled' });
    await stop();
  });

  it('quarantines the plugin when the form changes but keeps its version, naming the form and the fix', async () => {
    const changed = version2(v1);
    changed.pages[0]!.components[0]!.label = 'Who is the incoming supervisor?';
    await writeFile(formFile, JSON.stringify(changed, null, 2));
    await start();
    const row = await pluginStatus();
    expect(row?.state).toBe('quarantined');
    expect(row?.reason).toContain(`forms/${PLUGIN}.form.json: form "${PLUGIN}" changed but still says version 2`);
    expect(row?.reason).toContain('"version": 3');
    const stored = await app!.sql<{ version: number; label: string }>(
      `SELECT version, definition#>>'{pages,0,components,0,label}' AS label FROM core.form_definition
        WHERE plugin_id = $1 ORDER BY version`,
      [PLUGIN],
    );
    // The recorded versions are untouched.
    expect(stored).toEqual([
      { version: 1, label: 'Name of the incoming supervisor' },
      { version: 2, label: 'Name of the incoming supervisor' },
    ]);
    // Other plugins keep serving.
    expect((await call('GET', '/api/plugins', 'officer')).body.plugins).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'hot-debrief' })]),
    );
    await stop();

    // Bumping the version is the fix.
    await writeFile(formFile, JSON.stringify({ ...changed, version: 3 }, null, 2));
    await start();
    expect(await pluginStatus()).toMatchObject({ state: 'enabled' });
    const again = await call('GET', `/api/cases/${oldCaseId}`, 'officer');
    expect(again.status).toBe(200);
    expect(summaryText(again.body)).toContain('Who holds the keys to the evidence store?');
  });
});
