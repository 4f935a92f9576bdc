import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ReferenceDataRepository } from '../../core/src/terms/reference-data.repository.js';
import { REFERENCE_EPOCH } from '../../core/src/terms/reference-data/index.js';
import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';
import { responseSchema, shapeErrors, type OpenApiDocument } from '../utils/openapi-shape.js';
import { apiCall, downloadReportPdf, type Auth } from '../utils/reports.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reference-plugins');
const document = JSON.parse(
  readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const yesterday = day(-1);

/**
 * Admins add reference rows and end-date them at runtime. Runs on the bundled workflows plus the
 * kit-check fixture (its own set `kit-check-faults`, and the `cash` rows of the per-workflow
 * `items`), on a database of its own so it can restart the core on it.
 */
describe('reference data changed by admins at runtime', () => {
  let databaseUrl: string;
  let app: TestApp;
  let admin: Auth;
  let officer: Auth;

  const start = async () => {
    app = await startTestApp({ pluginDirs: [FIXTURES], databaseUrl });
    [admin, officer] = await Promise.all([signIn(app, 'admin'), signIn(app, 'officer')]);
  };
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    await start();
  });
  afterAll(async () => {
    await app?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const offered = async (set: string, flag?: string) =>
    (
      (await apiCall(app, 'GET', `/api/reference/${set}${flag ? `?flag=${flag}` : ''}`, officer)).body.rows as {
        id: string;
      }[]
    ).map((r) => r.id);
  const adminRows = async (set: string) => {
    const listed = await apiCall(app, 'GET', `/api/reference/${set}/rows`, admin);
    expect(listed.status).toBe(200);
    expect(
      shapeErrors(document, responseSchema(document, 'GET', '/api/reference/{set}/rows', 200), listed.body),
    ).toEqual([]);
    return listed.body as { rows: { id: string; [key: string]: unknown }[]; [key: string]: unknown };
  };
  const adminRow = async (set: string, id: string) => (await adminRows(set)).rows.find((r) => r.id === id);
  const submitKitCheck = (fault: string, found = 'cash-euro') =>
    apiCall(app, 'POST', '/api/plugins/kit-check/cases', officer, { answers: { fault, found } });
  const stored = async () => ({
    rows: (await app.sql<{ n: number }>("SELECT count(*)::int AS n FROM core.reference_row WHERE source = 'admin'"))[0]!
      .n,
    audit: (
      await app.sql<{ n: number }>("SELECT count(*)::int AS n FROM core.audit WHERE entity_type = 'reference-row'")
    )[0]!.n,
  });

  it('refuses everyone but admins, storing nothing', async () => {
    const before = await stored();
    for (const username of ['officer', 'manager', 'intel', 'pluginadmin']) {
      const auth = await signIn(app, username);
      expect((await apiCall(app, 'GET', '/api/reference/kit-check-faults/rows', auth)).status).toBe(403);
      const add = await apiCall(app, 'POST', '/api/reference/kit-check-faults/rows', auth, { id: 'fan', label: 'Fan' });
      expect(add.status).toBe(403);
      const end = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/power', auth, {
        validTo: yesterday,
      });
      expect(end.status).toBe(403);
    }
    expect(await stored()).toEqual(before);
    expect((await adminRow('kit-check-faults', 'power'))?.validTo).toBeNull();
  });

  it('lists every row of a set to admins, retired ones marked, with the workflows that use a per-workflow set', async () => {
    const faults = await adminRows('kit-check-faults');
    expect(faults.set).toEqual({
      id: 'kit-check-faults',
      label: 'Kit faults',
      description: 'Faults found in a kit check.',
      perWorkflow: false,
    });
    expect(faults.locked).toBeNull();
    expect(faults.workflows).toEqual([]);
    expect(faults.rows.map((r) => [r.id, r.status, r.source, r.validTo])).toEqual([
      ['battery', 'current', 'seed', null],
      ['screen', 'retired', 'seed', '2020-12-31'],
      ['power', 'current', 'seed', null],
    ]);
    const items = await adminRows('items');
    expect(items.set).toMatchObject({ id: 'items', perWorkflow: true });
    const workflows = (items.workflows as { id: string; title: string }[]).map((w) => w.id);
    expect(workflows).toEqual(expect.arrayContaining(['kit-check', 'cash-seizure', 'event-at-border']));
    expect(workflows).not.toContain('hot-debrief');
    expect(items.workflows).toContainEqual({ id: 'kit-check', title: 'Kit check' });
    expect((await adminRows('teams')).locked).toMatch(/change with a release/);
    expect((await apiCall(app, 'GET', '/api/reference/no-such-set/rows', admin)).status).toBe(404);
    // The set chooser's labels.
    const sets = (await apiCall(app, 'GET', '/api/reference', officer)).body;
    expect(sets.details).toContainEqual({
      id: 'outcomes',
      label: expect.any(String),
      description: expect.any(String),
      perWorkflow: true,
    });
    expect(sets.details.map((s: { id: string }) => s.id).sort()).toEqual(sets.sets);
  });

  it('offers an added row to the forms of the workflows it names, and accepts it on submission', async () => {
    expect(await offered('items', 'kit-check')).not.toContain('cash-krona');
    const added = await apiCall(app, 'POST', '/api/reference/items/rows', admin, {
      id: 'cash-krona',
      label: ' Swedish krona ',
      parent: 'cash',
      attributes: { level: 'item', defaultUnit: 'SEK' },
      workflows: ['kit-check'],
    });
    expect(added.status).toBe(201);
    expect(
      shapeErrors(document, responseSchema(document, 'POST', '/api/reference/{set}/rows', 201), added.body),
    ).toEqual([]);
    expect(added.body).toMatchObject({
      id: 'cash-krona',
      label: 'Swedish krona',
      validFrom: day(0),
      validTo: null,
      parent: 'cash',
      attributes: { level: 'item', defaultUnit: 'SEK' },
      workflows: ['kit-check'],
      source: 'admin',
      status: 'current',
      addedBy: 'admin',
    });
    expect(await offered('items', 'kit-check')).toContain('cash-krona');
    // cash-seizure claims the cash category too, but the admin did not name it.
    expect(await offered('items', 'cash-seizure')).not.toContain('cash-krona');
    const lookup = app.boot.reference.lookup;
    expect(lookup.status('items', 'cash-krona', { workflow: 'cash-seizure', at: new Date() })).toBe('unknown');
    const accepted = await submitKitCheck('battery', 'cash-krona');
    expect(accepted.status).toBe(201);
    const shown = await apiCall(app, 'GET', `/api/cases/${accepted.body.id}`, officer);
    expect(shown.body.summary).toContainEqual(
      expect.objectContaining({ path: 'found', displayValue: 'Swedish krona' }),
    );

    const [audit] = await app.sql<{ actor: string; entity_id: string; detail: Record<string, unknown> }>(
      "SELECT actor, entity_id, detail FROM core.audit WHERE action = 'reference-row.added'",
    );
    expect(audit).toEqual({
      actor: 'admin',
      entity_id: 'items/cash-krona',
      detail: {
        set: 'items',
        row: {
          id: 'cash-krona',
          label: 'Swedish krona',
          validFrom: day(0),
          validTo: null,
          parent: 'cash',
          attributes: { level: 'item', defaultUnit: 'SEK' },
          workflows: ['kit-check'],
        },
      },
    });
  });

  it('refuses an end-dated row on new submissions, and still shows it on a case that holds it', async () => {
    const added = await apiCall(app, 'POST', '/api/reference/kit-check-faults/rows', admin, {
      id: 'cable',
      label: 'Frayed cable',
      parent: 'power',
      validFrom: '2020-01-01',
    });
    expect(added.status).toBe(201);
    expect(await offered('kit-check-faults')).toContain('cable');
    const old = await submitKitCheck('cable');
    expect(old.status).toBe(201);

    const ended = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/cable', admin, {
      validTo: yesterday,
    });
    expect(ended.status).toBe(200);
    expect(
      shapeErrors(document, responseSchema(document, 'PATCH', '/api/reference/{set}/rows/{rowId}', 200), ended.body),
    ).toEqual([]);
    expect(ended.body).toMatchObject({ id: 'cable', validTo: yesterday, status: 'retired' });
    expect(await offered('kit-check-faults')).not.toContain('cable');
    const refused = await submitKitCheck('cable');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'fault', message: 'Fault is no longer in use – select another option' },
    ]);

    const shown = await apiCall(app, 'GET', `/api/cases/${old.body.id}`, officer);
    expect(shown.body.summary).toContainEqual(expect.objectContaining({ path: 'fault', displayValue: 'Frayed cable' }));
    const pdf = await downloadReportPdf(
      app,
      officer,
      `/api/cases/${old.body.id}/pdf`,
      join(tmpdir(), `reference-admin-${process.pid}.pdf`),
    );
    expect(pdf.text).toContain('Frayed cable');

    const [audit] = await app.sql<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM core.audit WHERE action = 'reference-row.changed' AND entity_id = 'kit-check-faults/cable'",
    );
    expect(audit!.detail).toEqual({
      set: 'kit-check-faults',
      id: 'cable',
      source: 'admin',
      before: { validTo: null },
      after: { validTo: yesterday },
    });
  });

  it('end-dates a seeded row, but changes neither its label nor its workflows, nor ends it later than its release', async () => {
    const label = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/battery', admin, {
      label: 'Flat battery',
      validTo: yesterday,
    });
    expect(label.status).toBe(400);
    expect(label.body.errors.map((e: { path: string }) => e.path)).toEqual(['label']);
    const workflows = await apiCall(app, 'PATCH', '/api/reference/items/rows/cocaine', admin, {
      workflows: ['kit-check'],
    });
    expect(workflows.status).toBe(400);
    expect(workflows.body.errors.map((e: { path: string }) => e.path)).toEqual(['workflows']);
    const later = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/screen', admin, {
      validTo: '2021-06-30',
    });
    expect(later.status).toBe(400);
    expect(later.body.errors).toEqual([
      {
        path: 'validTo',
        message: 'The release already ends this row on 31 December 2020, so the end date can only be that or earlier',
      },
    ]);
    expect((await adminRow('kit-check-faults', 'battery'))?.validTo).toBeNull();

    const ended = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/battery', admin, {
      validTo: yesterday,
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      id: 'battery',
      label: 'Battery will not charge',
      source: 'seed',
      status: 'retired',
    });
    expect(await offered('kit-check-faults')).toEqual(['power']);
    expect((await submitKitCheck('battery')).status).toBe(400);
    expect(
      (await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/nothing-here', admin, { validTo: yesterday }))
        .status,
    ).toBe(404);
  });

  it.each([
    ['a duplicate id', 'kit-check-faults', { id: 'power', label: 'Power again' }, 'id'],
    ['an id already added by an admin', 'items', { id: 'cash-krona', label: 'Krona', workflows: ['kit-check'] }, 'id'],
    ['an id that is not letters, digits and hyphens', 'kit-check-faults', { id: 'fan belt', label: 'Fan belt' }, 'id'],
    ['no label', 'kit-check-faults', { id: 'fan', label: '  ' }, 'label'],
    [
      'validTo before validFrom',
      'kit-check-faults',
      { id: 'fan', label: 'Fan', validFrom: '2026-03-01', validTo: '2026-02-28' },
      'validTo',
    ],
    ['a date that is not real', 'kit-check-faults', { id: 'fan', label: 'Fan', validFrom: '2026-02-30' }, 'validFrom'],
    ['an unknown parent', 'kit-check-faults', { id: 'fan', label: 'Fan', parent: 'engine' }, 'parent'],
    ['an unknown set', 'no-such-set', { id: 'fan', label: 'Fan' }, 'set'],
    ['a per-workflow set without workflows', 'items', { id: 'cash-rand', label: 'Rand', parent: 'cash' }, 'workflows'],
    [
      'a workflow that does not use the set',
      'items',
      { id: 'cash-rand', label: 'Rand', workflows: ['hot-debrief'] },
      'workflows[0]',
    ],
    [
      'workflows on a set every workflow uses',
      'kit-check-faults',
      { id: 'fan', label: 'Fan', workflows: ['kit-check'] },
      'workflows',
    ],
    [
      'an attribute that is not text, a number or true/false',
      'kit-check-faults',
      { id: 'fan', label: 'Fan', attributes: { size: { cm: 3 } } },
      'attributes.size',
    ],
    ['a field the API does not know', 'kit-check-faults', { id: 'fan', label: 'Fan', colour: 'red' }, 'colour'],
    ['a set whose rows change with a release', 'teams', { id: 'dover-team-9', label: 'Dover Team 9' }, 'set'],
  ])('refuses %s with a field-level 400, storing nothing', async (_, set, body, path) => {
    const before = await stored();
    const response = await apiCall(app, 'POST', `/api/reference/${set}/rows`, admin, body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path, message: expect.any(String) }]);
    expect(await stored()).toEqual(before);
  });

  it('keeps admin rows and end dates through a restart that seeds every set again, and tells other instances', async () => {
    const rowsBefore = await adminRows('items');
    await app.close();
    // A restart with changed seeds: every set is seeded again, as after a release.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`UPDATE core.reference_set SET checksum = ''`);
    await client.end();
    await start();

    expect(await adminRow('items', 'cash-krona')).toEqual(rowsBefore.rows.find((r) => r.id === 'cash-krona'));
    expect(await adminRow('kit-check-faults', 'battery')).toMatchObject({ validTo: yesterday, status: 'retired' });
    expect(await adminRow('kit-check-faults', 'cable')).toMatchObject({ validTo: yesterday, source: 'admin' });
    expect(await offered('items', 'kit-check')).toContain('cash-krona');
    expect(await offered('kit-check-faults')).toEqual(['power']);

    // Taking the end date away again: the seeded row ends when its release says (never, here).
    const second = await startTestApp({ pluginDirs: [FIXTURES], databaseUrl });
    try {
      const reopened = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/battery', admin, {
        validTo: null,
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ validTo: null, status: 'current' });
      // The other instance hears of it over NOTIFY.
      const elsewhere = await signIn(second, 'officer');
      let seen: string[] = [];
      for (let i = 0; i < 50 && !seen.includes('battery'); i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        seen = (
          (await apiCall(second, 'GET', '/api/reference/kit-check-faults', elsewhere)).body.rows as { id: string }[]
        ).map((r) => r.id);
      }
      expect(seen).toEqual(['battery', 'power']);
    } finally {
      await second.close();
    }
  });

  it('lets a later release end a row earlier than an admin did, or start it afresh, and never overwrites an admin row', async () => {
    const ended = await apiCall(app, 'PATCH', '/api/reference/kit-check-faults/rows/battery', admin, {
      validTo: yesterday,
    });
    expect(ended.status).toBe(200);
    const seed = new ReferenceDataRepository(app.boot.dataSource);
    const release = (battery: { validFrom: string; validTo?: string }) => ({
      id: 'kit-check-faults',
      label: 'Kit faults',
      description: 'Faults found in a kit check.',
      rows: [
        { id: 'power', label: 'Power', validFrom: REFERENCE_EPOCH },
        { id: 'battery', label: 'Battery will not charge', parent: 'power', ...battery },
        { id: 'cable', label: 'Cable (from the release)', validFrom: REFERENCE_EPOCH },
      ],
    });
    expect(await seed.applySeed([release({ validFrom: REFERENCE_EPOCH, validTo: day(-10) })])).toEqual({
      changed: ['kit-check-faults'],
      kept: ['kit-check-faults/cable'],
    });
    expect(await adminRow('kit-check-faults', 'battery')).toMatchObject({ validTo: day(-10), status: 'retired' });
    expect(await adminRow('kit-check-faults', 'cable')).toMatchObject({ label: 'Frayed cable', source: 'admin' });
    // The release starts the row again after the admin's end date: the admin's date no longer applies.
    await seed.applySeed([release({ validFrom: day(1) })]);
    expect(await adminRow('kit-check-faults', 'battery')).toMatchObject({ validTo: null, status: 'future' });
  });
});
