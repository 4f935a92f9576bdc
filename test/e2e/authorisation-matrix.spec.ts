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

describe('authorisation matrix: every route × every role', () => {
  let app: TestApp;
  let routes: Route[];
  const tokens = new Map<Role | 'anonymous', Record<string, string>>();

  beforeAll(async () => {
    app = await startTestApp();
    routes = routeTable(app);
    tokens.set('anonymous', {});
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
      for (const [who, headers] of tokens) {
        const body = ['POST', 'PUT'].includes(route.method) ? '{}' : undefined;
        const response = await fetch(`${app.url}${concrete(route.path)}`, {
          method: route.method,
          headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
          body,
        });
        await response.arrayBuffer();
        const allowed =
          route.public || (who !== 'anonymous' && (PERMISSIONS[route.permission!] as readonly string[]).includes(who));
        const expected = allowed ? 'not 401/403 and not 5xx' : who === 'anonymous' ? '401' : '403';
        const ok = allowed
          ? response.status !== 401 && response.status !== 403 && response.status < 500
          : response.status === (who === 'anonymous' ? 401 : 403);
        if (!ok)
          mismatches.push(`${route.method} ${route.path} as ${who}: got ${response.status}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
