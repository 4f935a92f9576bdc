import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall } from '../utils/reports.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/**
 * Forms at parity with the real platform's definitions, over the API on the real core: read-only
 * answers keep their pre-filled value, text is formatted before it is stored, a hidden pre-filled
 * answer is dropped, and a form the engine does not understand quarantines its plugin naming the
 * form, the path and the reason.
 */
describe('forms at parity with the real platform', () => {
  let app: TestApp;
  let officer: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({
      pluginDirs: [resolve(FIXTURES, 'parity-plugins'), resolve(FIXTURES, 'definition-plugins')],
    });
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const contact = { email: 'Olivia.Officer@Example.GOV.UK', onShift: false };
  const submit = (answers: Record<string, unknown>) =>
    apiCall(app, 'POST', '/api/plugins/parity-fixture/cases', officer, { answers });
  const stored = async (id: string) =>
    (await app.sql<{ answers: Record<string, unknown> }>('SELECT answers FROM core."case" WHERE id = $1', [id]))[0]!
      .answers;

  it('pre-fills the read-only answers from the officer and the hidden shift location', async () => {
    const prefill = await apiCall(app, 'GET', '/api/plugins/parity-fixture/forms/parity-contact/prefill', officer);
    expect(prefill.status).toBe(200);
    expect(prefill.body.answers).toMatchObject({ officerName: 'Olivia Officer', username: 'officer' });
  });

  it('stores read-only answers left out as pre-filled, and formatted answers as formatted', async () => {
    const created = await submit({
      ...contact,
      postcode: 'ct16  1ja',
      registration: 'ab12 cde',
      surname: '  van   der   berg ',
    });
    expect(created.status).toBe(201);
    expect(await stored(created.body.id)).toEqual({
      officerName: 'Olivia Officer',
      username: 'OFFICER',
      email: 'olivia.officer@example.gov.uk',
      postcode: 'CT16 1JA',
      registration: 'AB12CDE',
      surname: 'VAN DER BERG',
      onShift: false,
    });
  });

  it('accepts a read-only answer sent unchanged (as pre-filled, or as formatted)', async () => {
    const created = await submit({ ...contact, officerName: ' Olivia Officer ', username: 'officer' });
    expect(created.status).toBe(201);
    expect(await stored(created.body.id)).toMatchObject({ officerName: 'Olivia Officer', username: 'OFFICER' });
  });

  it('refuses a changed read-only answer with a field-level 400 and stores nothing', async () => {
    const before = await app.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM core."case" WHERE plugin_id = \'parity-fixture\'',
    );
    const refused = await submit({ ...contact, officerName: 'Somebody Else', username: 'owen' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'officerName', message: 'You cannot change your name' },
      { path: 'username', message: 'You cannot change your user name' },
    ]);
    const after = await app.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM core."case" WHERE plugin_id = \'parity-fixture\'',
    );
    expect(after[0]!.n).toBe(before[0]!.n);
    const draft = await apiCall(app, 'PUT', `/api/plugins/parity-fixture/drafts/${randomUUID()}`, officer, {
      answers: { officerName: 'Somebody Else' },
    });
    expect(draft.status).toBe(400);
    expect(draft.body.errors).toEqual([{ path: 'officerName', message: 'You cannot change your name' }]);
  });

  it('drops a hidden pre-filled answer, and keeps it when the question is shown', async () => {
    const created = await submit({ ...contact, shiftLocation: 'dover' });
    expect(created.status).toBe(201);
    expect(await stored(created.body.id)).not.toHaveProperty('shiftLocation');
    const shown = await submit({ ...contact, onShift: true, shiftLocation: 'Dover' });
    expect(await stored(shown.body.id)).toMatchObject({ onShift: true, shiftLocation: 'Dover' });
  });

  it('applies a read-only answer and a format in a workflow action form', async () => {
    const created = await submit(contact);
    const refused = await apiCall(app, 'POST', `/api/cases/${created.body.id}/actions/confirm`, officer, {
      version: created.body.version,
      answers: { confirmedBy: 'Somebody Else' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'confirmedBy', message: 'You cannot change confirmed by' }]);
    const done = await apiCall(app, 'POST', `/api/cases/${created.body.id}/actions/confirm`, officer, {
      version: created.body.version,
      answers: { note: 'All   checked,\n  thanks' },
    });
    expect(done.status).toBe(200);
    const audit = await app.sql<{ detail: unknown }>(
      "SELECT detail FROM core.audit WHERE case_id = $1 AND action = 'case.transitioned'",
      [created.body.id],
    );
    expect(JSON.stringify(audit)).toContain('"confirmedBy":"Olivia Officer"');
    expect(JSON.stringify(audit)).toContain('"note":"All checked, thanks"');
  });

  it('describes read-only and formatted answers in the OpenAPI answer schema', async () => {
    const response = await fetch(`${app.url}/api/docs-json`, { headers: await signIn(app, 'admin') });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"x-prefill":"user.displayName"');
    expect(text).toContain('"x-format":["registration"]');
  });

  it('quarantines a plugin whose forms use keys, pages or patterns the engine does not understand', async () => {
    const status = await apiCall(app, 'GET', '/api/plugins/status', await signIn(app, 'admin'));
    const row = (status.body.plugins as { id: string; state: string; reason?: string }[]).find(
      (p) => p.id === 'bad-definitions',
    );
    expect(row?.state).toBe('quarantined');
    const reasons = row!.reason!.split('; ');
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^forms\/unknown-keys\.form\.json: theme: Unknown property "theme" on a form/),
        expect.stringMatching(/^forms\/unknown-keys\.form\.json: pages\[0\]\.next: Unknown property "next" on a page/),
        expect.stringMatching(
          /^forms\/unknown-keys\.form\.json: pages\[0\]\.components\[0\]\.readOnly: Unknown property "readOnly" on a question/,
        ),
        expect.stringMatching(
          /^forms\/unknown-keys\.form\.json: pages\[0\]\.components\[1\]\.showAllValues: Unknown property "showAllValues"/,
        ),
        'forms/untitled-pages.form.json: pages[0].title: Page "one" needs a title, or a question first whose label is the page heading',
        'forms/untitled-pages.form.json: pages[1].id: Page id must be lower-case letters, digits and hyphens',
        expect.stringMatching(
          /^forms\/bad-pattern\.form\.json: pages\[0\]\.components\[0\]\.pattern: Field "code" has a pattern that is not a valid regular expression \(.+\)$/,
        ),
        expect.stringMatching(
          /^forms\/unknown-sources\.form\.json: pages\[0\]\.components\[0\]\.prefill\.from: Field "nickname" is pre-filled from unknown source "user\.nickname", which is not one of: user\.givenName, /,
        ),
        'forms/unknown-sources.form.json: pages[0].components[2].displayMenu: Field "terminal" has displayMenu "overlay", which is not one of: inline',
        'forms/unknown-sources.form.json: pages[0].components[2].filterBy.match: Field "terminal" has filterBy.match "port", which is neither "parent" nor "attributes.<name>"',
      ]),
    );
    expect(reasons).toHaveLength(10);
  });

  it('quarantines a plugin whose form names a reference set that does not exist, naming the form and path', async () => {
    const status = await apiCall(app, 'GET', '/api/plugins/status', await signIn(app, 'admin'));
    const row = (status.body.plugins as { id: string; state: string; reason?: string }[]).find(
      (p) => p.id === 'missing-reference-set',
    );
    expect(row).toMatchObject({
      state: 'quarantined',
      reason:
        'forms/missing-reference-set.form.json: pages[0].components[1].reference: field "terminal" uses reference set "port-terminals", which does not exist',
    });
    expect(
      (await apiCall(app, 'GET', '/api/plugins/parity-fixture/forms/parity-contact/prefill', officer)).status,
    ).toBe(200);
  });
});
