import { signIn, startTestApp, type TestApp } from '../utils/app.js';

describe('sign-in, shift and reference data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MAX_FAILED_SIGN_INS: '3' } });
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

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 2; i++) {
      const wrong = await call('POST', '/api/auth/login', { username: 'officer2', password: 'nope' });
      expect(wrong).toEqual({
        status: 401,
        body: { statusCode: 401, message: 'Enter a correct username and password' },
      });
    }
    const third = await call('POST', '/api/auth/login', { username: 'officer2', password: 'nope' });
    expect(third.status).toBe(423);
    const right = await call('POST', '/api/auth/login', { username: 'officer2', password: 'demo-password' });
    expect(right.status).toBe(423);
    expect(right.body.message).toMatch(/locked .* Try again in 15 minutes/);
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
