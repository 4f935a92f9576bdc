import { createHmac, randomUUID } from 'node:crypto';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const debrief = {
  category: 'equipment',
  occurredAt: '2026-11-20T09:15',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Ion scanner gave repeated false alarms.',
  actionNeeded: false,
};

/** An HS256 token as an attacker with the signing secret would build it, any header and claims. */
function handMade(secret: string, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', ...header })).toString('base64url');
  const p = Buffer.from(JSON.stringify({ iat: now, exp: now + 600, ...claims })).toString('base64url');
  return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
}

describe('sign-in, shift and reference data', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The sign-in waits (sign-in-throttle.spec.ts) are put off here, so the lockout itself shows.
    app = await startTestApp({ env: { AUTH_MAX_FAILED_SIGN_INS: '3', AUTH_SIGN_IN_FREE_ATTEMPTS: '100' } });
  });
  afterAll(async () => app?.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
  };

  it('signs in a demo officer and tells the shell who they are', async () => {
    const { status, body } = await call('POST', '/api/auth/login', { username: 'officer', password: 'demo-password' });
    expect(status).toBe(200);
    expect(body.expiresIn).toBe(900);
    expect(body.user).toMatchObject({
      username: 'officer',
      roles: ['officer'],
      teamId: 'dover-tourist-controls-team-1',
      teamName: 'Dover Tourist Controls Team 1',
      shift: null,
    });
  });

  it('gives field-level errors for a missing username or password, and 400 for bad JSON', async () => {
    const empty = await call('POST', '/api/auth/login', { username: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'username', message: 'Enter your username' },
        { path: 'password', message: 'Enter your password' },
      ]),
    );
    const extra = await call('POST', '/api/auth/login', { username: 'a', password: 'b', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([{ path: 'admin', message: 'admin is not a known field' }]);
    const broken = await call('POST', '/api/auth/login', '{"username":');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe('The request body is not valid JSON');
  });

  const refused = { status: 401, body: { statusCode: 401, message: 'Enter a correct username and password' } };
  const login = (username: string, password: string) => call('POST', '/api/auth/login', { username, password });

  it('locks an account after repeated failures, answering as for a wrong password, even the right one', async () => {
    for (let i = 0; i < 3; i++) expect(await login('officer2', 'nope')).toEqual(refused);
    // Locked now: the right password gets the same answer as a wrong one, or as an unknown account.
    expect(await login('officer2', 'demo-password')).toEqual(refused);
    expect(await login('no-such-officer', 'demo-password')).toEqual(refused);
    const [row] = await app.sql<{ locked: boolean; failed: number }>(
      "SELECT locked_until > now() AS locked, failed_sign_ins AS failed FROM core.app_user WHERE username = 'officer2'",
    );
    expect(row).toEqual({ locked: true, failed: 3 });
  });

  it('takes as long to refuse an unknown or locked account as a wrong password (medians in one run)', async () => {
    await app.sql("UPDATE core.app_user SET locked_until = now() + interval '1 hour' WHERE username = 'integration'");
    const times: Record<'unknown' | 'wrong' | 'locked', number[]> = { unknown: [], wrong: [], locked: [] };
    const answers = new Set<string>();
    const timed = async (group: keyof typeof times, username: string, password: string) => {
      const started = performance.now();
      const answer = await login(username, password);
      times[group].push(performance.now() - started);
      answers.add(JSON.stringify(answer));
    };
    for (let i = 0; i < 7; i++) {
      await timed('unknown', `nobody-${i}`, 'nope');
      await timed('wrong', 'admin', 'nope');
      // Keep the real account unlocked, so each of its refusals is a plain wrong password.
      await app.sql("UPDATE core.app_user SET failed_sign_ins = 0, locked_until = NULL WHERE username = 'admin'");
      await timed('locked', 'integration', 'demo-password');
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const medians = Object.values(times).map(median);
    // Before, an unknown account took 2.8 ms and a wrong password 53 ms (0.05); scrypt dominates now.
    expect(Math.min(...medians) / Math.max(...medians)).toBeGreaterThan(0.5);
    expect([...answers]).toEqual([JSON.stringify(refused)]);
  });

  it('rotates refresh tokens: each works once', async () => {
    const first = await call('POST', '/api/auth/login', { username: 'manager', password: 'demo-password' });
    const refreshed = await call('POST', '/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    const replayed = await call('POST', '/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(replayed.status).toBe(401);
  });

  it('rejects forged and missing tokens', async () => {
    const auth = await signIn(app, 'officer');
    const forged = auth.authorization!.slice(0, -4) + 'AAAA';
    expect((await call('GET', '/api/auth/me', undefined, { authorization: forged })).status).toBe(401);
    expect((await call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses a valid token with anything appended: no case is created, no action taken', async () => {
    const auth = await signIn(app, 'officer');
    const bearer = { authorization: `${auth.authorization}.x` };
    const before = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM core.case');
    expect((await call('GET', '/api/auth/me', undefined, bearer)).status).toBe(401);
    const created = await call('POST', '/api/plugins/hot-debrief/cases', { answers: debrief }, bearer);
    expect(created.status).toBe(401);
    expect((await call('POST', `/api/cases/${randomUUID()}/actions/review`, { version: 1 }, bearer)).status).toBe(401);
    expect(await app.sql('SELECT count(*)::int AS n FROM core.case')).toEqual(before);
    for (const suffix of ['.', '..x', '.x.y', 'x']) {
      const response = await call('GET', '/api/auth/me', undefined, {
        authorization: `${auth.authorization}${suffix}`,
      });
      expect(response.status).toBe(401);
    }
    expect((await call('GET', '/api/auth/me', undefined, auth)).status).toBe(200);
  });

  it('answers 401, never 500, for a signed token whose claims have the wrong shape or algorithm', async () => {
    const secret = app.boot.tokenSecrets[0]!;
    const [officer] = await app.sql<{ id: string }>("SELECT id FROM core.app_user WHERE username = 'officer'");
    const good = { sub: officer!.id, sid: randomUUID(), username: 'officer', roles: ['officer'], teamId: null };
    // The hand-made token is accepted when it is well formed, so the refusals below are about the claims.
    expect(
      (await call('GET', '/api/auth/me', undefined, { authorization: `Bearer ${handMade(secret, good)}` })).status,
    ).toBe(200);
    const bad: [string, string][] = [
      ['sub not a UUID', handMade(secret, { ...good, sub: 'not-a-uuid' })],
      ['sub a number', handMade(secret, { ...good, sub: 42 })],
      ['no session id', handMade(secret, { ...good, sid: undefined })],
      ['session id not a UUID', handMade(secret, { ...good, sid: "x'; DROP TABLE core.case; --" })],
      ['roles not a list', handMade(secret, { ...good, roles: 'admin' })],
      ['an unknown role', handMade(secret, { ...good, roles: ['officer', 'superuser'] })],
      ['no expiry', handMade(secret, { ...good, exp: undefined })],
      ['expired', handMade(secret, { ...good, exp: Math.floor(Date.now() / 1000) - 5 })],
      ['HS512', handMade(secret, good, { alg: 'HS512' })],
      ['typ not JWT', handMade(secret, good, { typ: 'at+jwt' })],
    ];
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${handMade(secret, good).split('.')[1]}.`;
    bad.push(['alg none', unsigned]);
    const answers: string[] = [];
    for (const [what, token] of bad) {
      for (const path of ['/api/auth/me', '/api/plugins', '/api/tasks?scope=mine']) {
        const { status } = await call('GET', path, undefined, { authorization: `Bearer ${token}` });
        if (status !== 401) answers.push(`${what} on ${path}: ${status}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it('ends the session at sign-out: its access and refresh tokens stop working at once, other sign-ins go on', async () => {
    const session = await call('POST', '/api/auth/login', { username: 'intel', password: 'demo-password' });
    const bearer = { authorization: `Bearer ${String(session.body.accessToken)}` };
    const elsewhere = await signIn(app, 'intel');
    expect((await call('GET', '/api/auth/me', undefined, bearer)).status).toBe(200);
    expect((await call('POST', '/api/auth/logout', undefined, bearer)).status).toBe(204);
    expect((await call('GET', '/api/auth/me', undefined, bearer)).status).toBe(401);
    expect((await call('GET', '/api/plugins', undefined, bearer)).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { refreshToken: session.body.refreshToken })).status).toBe(401);
    // The account's other sign-in (another device) goes on; signing in again starts a new session.
    expect((await call('GET', '/api/auth/me', undefined, elsewhere)).status).toBe(200);
    expect((await call('GET', '/api/auth/me', undefined, await signIn(app, 'intel'))).status).toBe(200);
  });

  it('revokes the whole session when a refresh token is used twice: the newer tokens stop working too', async () => {
    const first = await call('POST', '/api/auth/login', { username: 'freight', password: 'demo-password' });
    const second = await call('POST', '/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    const newer = { authorization: `Bearer ${String(second.body.accessToken)}` };
    expect((await call('GET', '/api/auth/me', undefined, newer)).status).toBe(200);
    // Another sign-in of the same account is a session of its own and is not affected.
    const other = await signIn(app, 'freight');

    const replayed = await call('POST', '/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(replayed).toEqual({
      status: 401,
      body: { statusCode: 401, message: 'Your session has ended. Sign in again' },
    });
    expect((await call('GET', '/api/auth/me', undefined, newer)).status).toBe(401);
    const older = { authorization: `Bearer ${String(first.body.accessToken)}` };
    expect((await call('GET', '/api/auth/me', undefined, older)).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', undefined, other)).status).toBe(200);
    const [revoked] = await app.sql<{ reason: string }>(
      "SELECT reason FROM core.session_revocation s JOIN core.app_user u ON u.id = s.user_id WHERE u.username = 'freight'",
    );
    expect(revoked).toEqual({ reason: 'refresh-reused' });
  });

  it('ends a session on another instance too, within seconds (shared through PostgreSQL)', async () => {
    const other = await startTestApp({
      databaseUrl: app.databaseUrl,
      env: {
        AUTH_TOKEN_SECRET: app.boot.tokenSecrets.join(','),
        AUDIT_SEAL_KEYS: app.boot.config.AUDIT_SEAL_KEYS.join(','),
      },
    });
    try {
      const bearer = await signIn(app, 'pluginadmin');
      const onOther = () => fetch(`${other.url}/api/auth/me`, { headers: bearer }).then((r) => r.status);
      expect(await onOther()).toBe(200);
      expect((await call('POST', '/api/auth/logout', undefined, bearer)).status).toBe(204);
      const deadline = Date.now() + 6_000;
      let status = await onOther();
      while (status === 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        status = await onOther();
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('starts a shift with a team and location from reference data, with labels', async () => {
    const auth = await signIn(app, 'officer');
    const bad = await call('POST', '/api/shift', { teamId: 'no-such-team', location: 'atlantis' }, auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'teamId', message: 'Select a team from the list' },
      { path: 'location', message: 'Select a location from the list' },
    ]);
    const ok = await call('POST', '/api/shift', { teamId: 'dover-tourist-controls-team-1', location: 'dover' }, auth);
    expect(ok.status).toBe(200);
    expect(ok.body.shift).toMatchObject({ teamName: 'Dover Tourist Controls Team 1', locationLabel: 'Port of Dover' });
    const ended = await call('DELETE', '/api/shift', undefined, auth);
    expect(ended.body.shift).toBeNull();
  });

  it('serves reference data with search and per-workflow flags, hiding retired rows', async () => {
    const auth = await signIn(app, 'officer');
    const heathrow = await call('GET', '/api/reference/ports?q=LHR', undefined, auth);
    expect((heathrow.body.rows as { id: string }[]).map((r) => r.id)).toContain('heathrow');
    const ports = await call('GET', '/api/reference/ports', undefined, auth);
    expect((ports.body.rows as { id: string }[]).map((r) => r.id)).not.toContain('doncaster-sheffield');
    const retired = await call('GET', '/api/reference/ports?includeRetired=true', undefined, auth);
    expect((retired.body.rows as { id: string }[]).length).toBeGreaterThan((ports.body.rows as unknown[]).length);
    const cashItems = await call('GET', '/api/reference/items?flag=cash-seizure', undefined, auth);
    const labels = (cashItems.body.rows as { label: string; flags?: string[] }[]).filter((r) => r.flags);
    expect(labels.every((r) => r.flags!.includes('cash-seizure'))).toBe(true);
    expect((await call('GET', '/api/reference/unicorns', undefined, auth)).status).toBe(404);
    expect((await call('GET', '/api/reference/ports?limit=0', undefined, auth)).status).toBe(400);
  });
});
