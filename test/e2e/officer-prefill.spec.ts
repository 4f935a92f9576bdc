import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { FakeOidcIssuer } from '../utils/fake-oidc-issuer.js';
import { apiCall } from '../utils/reports.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PREFILL = '/api/plugins/officer-fixture/forms/officer-fixture/prefill';

/**
 * Pre-fill from the signed-in officer on the real core: a local account's names, email, grade and
 * team, what their latest staff profile records (usual location, line manager, current delegates),
 * an OIDC officer's standard claims, and a list filtered by another answer refused outside it.
 */
describe('pre-fill from the signed-in officer, and lists filtered by another answer', () => {
  let issuer: FakeOidcIssuer;
  let app: TestApp;
  let officer: Record<string, string>;

  beforeAll(async () => {
    issuer = new FakeOidcIssuer();
    await issuer.start();
    app = await startTestApp({
      pluginDirs: [resolve(ROOT, 'plugins'), resolve(ROOT, 'test/fixtures/officer-plugins')],
      env: { OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: 'cop-shell' },
    });
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
  });

  const stored = async (id: string) =>
    (await app.sql<{ answers: Record<string, unknown> }>('SELECT answers FROM core."case" WHERE id = $1', [id]))[0]!
      .answers;

  it('reads profiles from the one workflow that declares them, and refuses a second', async () => {
    const { body } = await apiCall(app, 'GET', '/api/plugins/status', await signIn(app, 'admin'));
    const second = (body.plugins as { id: string }[]).find((p) => p.id === 'second-profile');
    expect(second).toMatchObject({
      state: 'quarantined',
      reason: "officerProfile: officers' profiles are already recorded by staff-profile",
    });
  });

  it('pre-fills a local account: names, email, grade and team; nothing yet for what only a staff profile records', async () => {
    const prefill = await apiCall(app, 'GET', PREFILL, officer);
    expect(prefill.status).toBe(200);
    expect(prefill.body.answers).toEqual({
      givenName: 'Olivia',
      familyName: 'Officer',
      email: 'olivia.officer@example.gov.uk',
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
    });
  });

  it('pre-fills the usual location, line manager and current delegates from the latest staff profile', async () => {
    const profile = {
      grade: 'HEO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      lineManagerName: 'Morgan Manager',
      lineManagerEmail: 'morgan.manager@example.gov.uk',
      delegates: [
        { name: 'Owen Officer', email: 'owen.officer@example.gov.uk' },
        { name: 'Old Delegate', email: 'old@example.gov.uk', until: '2026-01-01' },
      ],
      shiftStart: '2026-04-12T07:00',
      shiftEnd: '2026-04-12T19:00',
      shiftTeam: 'dover-tourist-controls-team-1',
      shiftLocation: 'dover',
    };
    // The staff profile's own check refuses an `until` in the past, so the old delegate is kept
    // as a profile saved before that day would hold it.
    const { delegates, ...rest } = profile;
    const created = await apiCall(app, 'POST', '/api/plugins/staff-profile/cases', officer, {
      answers: { ...rest, delegates: [delegates[0]] },
    });
    expect(created.status).toBe(201);
    await app.sql(`UPDATE core."case" SET answers = jsonb_set(answers, '{delegates}', $2::jsonb) WHERE id = $1`, [
      created.body.id,
      JSON.stringify(delegates),
    ]);
    await apiCall(app, 'POST', '/api/shift', officer, { teamId: 'dover-tourist-controls-team-1', location: 'dover' });

    const prefill = await apiCall(app, 'GET', PREFILL, officer);
    expect(prefill.body.answers).toEqual({
      givenName: 'Olivia',
      familyName: 'Officer',
      email: 'olivia.officer@example.gov.uk',
      grade: 'HEO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      lineManagerName: 'Morgan Manager',
      lineManagerEmail: 'morgan.manager@example.gov.uk',
      delegates: [{ name: 'Owen Officer', email: 'owen.officer@example.gov.uk' }],
      port: 'dover',
    });
  });

  it('stores the read-only answers the server works out again, and refuses a changed one', async () => {
    const sent = { port: 'dover', portTeam: 'dover-freight-team-a' };
    const created = await apiCall(app, 'POST', '/api/plugins/officer-fixture/cases', officer, { answers: sent });
    expect(created.status).toBe(201);
    expect(await stored(created.body.id)).toMatchObject({
      givenName: 'Olivia',
      familyName: 'Officer',
      email: 'olivia.officer@example.gov.uk',
      ...sent,
    });
    const changed = await apiCall(app, 'POST', '/api/plugins/officer-fixture/cases', officer, {
      answers: { ...sent, email: 'someone.else@example.gov.uk' },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors).toEqual([{ path: 'email', message: 'You cannot change email address' }]);
  });

  it('refuses a team that is not at the chosen port with a field-level 400, and stores nothing', async () => {
    const before = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM core."case" WHERE plugin_id = 'officer-fixture'`,
    );
    const refused = await apiCall(app, 'POST', '/api/plugins/officer-fixture/cases', officer, {
      answers: { port: 'dover', portTeam: 'felixstowe-freight-team-a' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'portTeam', message: 'Select the team at this port from the list for the port' },
    ]);
    const draft = await apiCall(app, 'PUT', `/api/plugins/officer-fixture/drafts/${crypto.randomUUID()}`, officer, {
      answers: { port: 'felixstowe', portTeam: 'dover-freight-team-a' },
    });
    expect(draft.status).toBe(400);
    expect(draft.body.errors).toEqual([
      { path: 'portTeam', message: 'Select the team at this port from the list for the port' },
    ]);
    const after = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM core."case" WHERE plugin_id = 'officer-fixture'`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("pre-fills an OIDC officer's given name, family name and email from the standard claims; empty when absent", async () => {
    const claims = {
      sub: 'a1b2c3d4-0000-4000-8000-000000000042',
      aud: 'cop-shell',
      preferred_username: 'jsmith',
      name: 'Jo Smith',
      given_name: 'Jo',
      family_name: 'Smith',
      email: 'Jo.Smith@Example.GOV.UK',
      realm_access: { roles: ['officer'] },
      team: 'dover-freight-team-b',
    };
    const withClaims = { authorization: `Bearer ${issuer.token(claims)}` };
    const prefill = await apiCall(app, 'GET', PREFILL, withClaims);
    expect(prefill.status).toBe(200);
    expect(prefill.body.answers).toEqual({
      givenName: 'Jo',
      familyName: 'Smith',
      email: 'Jo.Smith@Example.GOV.UK',
      team: 'dover-freight-team-b',
    });
    const created = await apiCall(app, 'POST', '/api/plugins/officer-fixture/cases', withClaims, {
      answers: { port: 'dover', portTeam: 'dover-freight-team-b' },
    });
    expect(created.status).toBe(201);
    expect(await stored(created.body.id)).toMatchObject({ email: 'jo.smith@example.gov.uk' });

    // A later token without the claims clears them: the issuer is the record, not an old copy.
    const { given_name: _g, family_name: _f, email: _e, ...bare } = claims;
    const without = await apiCall(app, 'GET', PREFILL, { authorization: `Bearer ${issuer.token(bare)}` });
    expect(without.body.answers).toEqual({ team: 'dover-freight-team-b' });
  });
});
