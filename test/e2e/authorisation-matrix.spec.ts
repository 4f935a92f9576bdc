import { randomUUID } from 'node:crypto';
import { PERMISSIONS } from '../../core/src/identity/permissions.js';
import { ROLES, type Role } from '../../core/src/sdk/roles.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { routeTable, type Route } from '../utils/routes.js';

const USER_FOR_ROLE: Record<Role, string> = {
  officer: 'officer',
  manager: 'manager',
  intelligence: 'intel',
  'plugin-admin': 'pluginadmin',
  admin: 'admin',
  integration: 'integration',
};

/** Fills path parameters with values that exist for the gate but not for the data (no side effects). */
function concrete(path: string): string {
  return path
    .replace(':pluginId', 'hot-debrief')
    .replace(':draftId', randomUUID())
    .replace(':set', 'ports')
    .replace(':formId', 'hot-debrief')
    .replace(':actionId', 'review')
    .replace(/:id/g, randomUUID());
}

describe('authorisation matrix: every route × every role, and tokens of ended sessions', () => {
  let app: TestApp;
  let routes: Route[];
  /** Callers who are not signed in, or no longer: every route but the public ones answers them 401. */
  type Anonymous = 'anonymous' | 'signed out' | 'reused refresh (older token)' | 'reused refresh (newer token)';
  const tokens = new Map<Role | Anonymous, Record<string, string>>();
  const isAnonymous = (who: string): who is Anonymous => !(ROLES as readonly string[]).includes(who);

  const login = async (username: string) => {
    const response = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo-password' }),
    });
    return (await response.json()) as { accessToken: string; refreshToken: string };
  };
  const refresh = async (refreshToken: string) => {
    const response = await fetch(`${app.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    return { status: response.status, body: (await response.json()) as { accessToken: string } };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await startTestApp();
    routes = routeTable(app);
    tokens.set('anonymous', {});
    // An admin who signed out: the strongest role, with a token that has not expired.
    const signedOut = await login('admin');
    const logout = await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: bearer(signedOut.accessToken),
    });
    expect(logout.status).toBe(204);
    tokens.set('signed out', bearer(signedOut.accessToken));
    // A manager's session whose first refresh token was presented again after it had been exchanged.
    const first = await login('manager');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect((await refresh(first.refreshToken)).status).toBe(401);
    tokens.set('reused refresh (older token)', bearer(first.accessToken));
    tokens.set('reused refresh (newer token)', bearer(second.body.accessToken));
    for (const role of ROLES) tokens.set(role, await signIn(app, USER_FOR_ROLE[role]));
  });
  afterAll(async () => app?.close());

  it('finds the routes, and every one declares a permission or is explicitly public', () => {
    expect(routes.length).toBeGreaterThan(25);
    const undeclared = routes.filter((r) => !r.public && !r.permission).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
    // A case's full audit trail is for managers and admins only (officers see the plain history).
    expect(routes).toContainEqual({
      method: 'GET',
      path: '/api/cases/:id/audit',
      permission: 'audit.read',
      public: false,
    });
    // Public to bearer tokens; Cerberus's route is authenticated by its HMAC signature instead.
    expect(
      routes
        .filter((r) => r.public)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [
        'GET /api/auth/config',
        'GET /health/live',
        'GET /health/ready',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'POST /api/integrations/cerberus/targets',
      ].sort(),
    );
  });

  it('covers the report schedule routes: managers and admins set schedules, readers see them', () => {
    const declared = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path)?.permission;
    expect(declared('GET', '/api/reports/:reportId/schedule')).toBe('reports.read');
    expect(declared('PUT', '/api/reports/:reportId/schedule')).toBe('reports.schedule');
    expect([...PERMISSIONS['reports.schedule']].sort()).toEqual(['admin', 'manager']);
  });

  it('answers each role exactly as the permission table says', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      if (route.path === '/api/notifications/stream') continue; // a stream: covered by its own test
      for (const [who, held] of tokens) {
        // Signing out ends the session, so each role signs out of a session of its own.
        const signsOut = route.path === '/api/auth/logout' && !isAnonymous(who);
        const headers = signsOut ? await signIn(app, USER_FOR_ROLE[who]) : held;
        const body = ['POST', 'PUT'].includes(route.method) ? '{}' : undefined;
        const response = await fetch(`${app.url}${concrete(route.path)}`, {
          method: route.method,
          headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
          body,
        });
        await response.arrayBuffer();
        const allowed =
          route.public || (!isAnonymous(who) && (PERMISSIONS[route.permission!] as readonly string[]).includes(who));
        const expected = allowed ? 'not 401/403 and not 5xx' : isAnonymous(who) ? '401' : '403';
        const ok = allowed
          ? response.status !== 401 && response.status !== 403 && response.status < 500
          : response.status === (isAnonymous(who) ? 401 : 403);
        if (!ok)
          mismatches.push(`${route.method} ${route.path} as ${who}: got ${response.status}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
