import { randomUUID } from 'node:crypto';
import { AccessService } from '../../core/src/identity/access.service.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall, submitCase } from '../utils/reports.js';
import { routeTable, type Route } from '../utils/routes.js';

type Auth = Record<string, string>;

const DOVER_TEAM = 'dover-tourist-controls-team-1';
const FELIXSTOWE_TEAM = 'felixstowe-freight-team-a';

const debrief = (team: string, port: string) => ({
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port,
  team,
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: false,
});

/**
 * A shift team widens what its holder sees, so it may only be a team they belong to or were
 * granted cover on. Anything else is refused when the shift starts, and a shift on a team the
 * user may not (or may no longer) work on grants nothing on any route.
 */
describe('a shift on a team the user does not belong to grants nothing', () => {
  let app: TestApp;
  let officer: Auth;
  let freight: Auth;
  let manager: Auth;
  let admin: Auth;
  let doverCase: { id: string; businessKey: string };
  let felixstoweCase: { id: string; businessKey: string };
  let doverTask: string;
  let routes: Route[];

  const userId = async (username: string) =>
    (await app.sql<{ id: string }>('SELECT id FROM core.app_user WHERE username = $1', [username]))[0]!.id;
  /** A shift already on record (from before this check, or a cover that has since ended). */
  const forceShift = async (username: string, teamId: string | null, location: string | null) => {
    await app.sql(
      'UPDATE core.app_user SET shift_team_id = $2, shift_location = $3, shift_started_at = now() WHERE username = $1',
      [username, teamId, location],
    );
    // The access scope is cached for a few seconds per instance; drop it rather than wait.
    app.app.get(AccessService).forget(await userId(username));
  };

  beforeAll(async () => {
    app = await startTestApp();
    routes = routeTable(app);
    [officer, freight, manager, admin] = await Promise.all(
      ['officer', 'freight', 'manager', 'admin'].map((u) => signIn(app, u)),
    );
    doverCase = await submitCase(app, officer, 'hot-debrief', debrief(DOVER_TEAM, 'dover'), 'dover');
    felixstoweCase = await submitCase(app, freight, 'hot-debrief', debrief(FELIXSTOWE_TEAM, 'felixstowe'), 'fxt');
    doverTask = (await app.sql<{ id: string }>('SELECT id FROM core.task WHERE case_id = $1', [doverCase.id]))[0]!.id;
  });
  afterAll(async () => app?.close());

  it('refuses a shift on a team of the reference data the user neither belongs to nor covers, storing nothing', async () => {
    const refused = await apiCall(app, 'POST', '/api/shift', freight, { teamId: DOVER_TEAM, location: 'dover' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'teamId', message: 'Select a team you belong to or have been asked to cover' },
    ]);
    const intel = await apiCall(app, 'POST', '/api/shift', freight, {
      teamId: 'intelligence-hub-south',
      location: 'felixstowe',
    });
    expect(intel.status).toBe(400);
    const managerAway = await apiCall(app, 'POST', '/api/shift', manager, {
      teamId: FELIXSTOWE_TEAM,
      location: 'dover',
    });
    expect(managerAway.status).toBe(400);
    const rows = await app.sql<{ shift_team_id: string | null }>(
      "SELECT shift_team_id FROM core.app_user WHERE username IN ('freight', 'manager')",
    );
    expect(rows.map((r) => r.shift_team_id)).toEqual([null, null]);
    const unknown = await apiCall(app, 'POST', '/api/shift', freight, { teamId: 'no-such-team', location: 'dover' });
    expect(unknown.body.errors).toEqual([{ path: 'teamId', message: 'Select a team from the list' }]);
  });

  it('offers the shell only the teams the user may start a shift on', async () => {
    const mine = await apiCall(app, 'GET', '/api/shift/teams', officer);
    expect(mine.status).toBe(200);
    expect(mine.body.teams.map((t: { id: string; via: string }) => [t.id, t.via])).toEqual([
      [DOVER_TEAM, 'home'],
      ['dover-freight-team-a', 'member'],
      ['dover-tourist-controls-team-2', 'member'],
    ]);
    const theirs = await apiCall(app, 'GET', '/api/shift/teams', freight);
    expect(theirs.body.teams).toEqual([
      { id: FELIXSTOWE_TEAM, label: 'Felixstowe Freight Team A', via: 'home', validTo: null },
    ]);
    const member = await apiCall(app, 'POST', '/api/shift', officer, {
      teamId: 'dover-freight-team-a',
      location: 'dover',
    });
    expect(member.status).toBe(200);
    expect(member.body.shift).toMatchObject({ teamId: 'dover-freight-team-a' });
    await apiCall(app, 'DELETE', '/api/shift', officer);
    const audit = await app.sql<{ action: string; detail: Record<string, unknown> }>(
      "SELECT action, detail FROM core.audit WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id",
      [await userId('officer')],
    );
    expect(audit).toEqual([
      { action: 'shift.started', detail: { teamId: 'dover-freight-team-a', location: 'dover', via: 'member' } },
      { action: 'shift.ended', detail: {} },
    ]);
  });

  it('walks every route with a shift on another command’s team and answers exactly as with no shift', async () => {
    const walk = async (
      auth: Auth,
      foreign: { caseId: string; taskId: string; key: string; team: string; port: string },
    ) => {
      const seen: string[] = [];
      for (const route of routes) {
        if (route.public || route.path === '/api/notifications/stream') continue;
        if (
          !['GET', 'POST'].includes(route.method) ||
          route.path === '/api/shift' ||
          route.path.startsWith('/api/auth')
        )
          continue;
        const path = route.path
          .replace(':pluginId', 'hot-debrief')
          .replace(':formId', 'hot-debrief')
          .replace(':set', 'ports')
          .replace(':actionId', 'review')
          .replace(':reportId', 'hot-debrief.debriefs-by-category')
          .replace(':draftId', randomUUID())
          .replace(':runId', randomUUID())
          .replace(route.path.startsWith('/api/tasks') ? ':id' : '\0', foreign.taskId)
          .replace(':id', foreign.caseId);
        const query =
          {
            '/api/cases': `?businessKey=${foreign.key}`,
            '/api/tasks': `?scope=team&businessKey=${foreign.key}`,
            '/api/search': `?term=location.port&value=${foreign.port}`,
            '/api/reports/:reportId/pdf': `?from=2026-11-01&to=2026-11-30&team=${foreign.team}`,
          }[route.path] ?? '';
        const body =
          route.method === 'POST'
            ? route.path.endsWith('/comments')
              ? { body: 'Looking at this from another port' }
              : route.path.endsWith('/runs')
                ? { parameters: { from: '2026-11-01', to: '2026-11-30', team: foreign.team } }
                : route.path.includes('/actions/')
                  ? { version: 1 }
                  : {}
            : undefined;
        if (route.path === '/api/plugins/:pluginId/cases') continue; // starts a case: not a read of another team's
        const response = await apiCall(app, route.method, `${path}${query}`, auth, body);
        const leaked = JSON.stringify(response.body ?? '').includes(foreign.key);
        seen.push(`${route.method} ${route.path} ${response.status}${leaked ? ' LEAKED' : ''}`);
      }
      return seen;
    };

    const freightCase = {
      caseId: doverCase.id,
      taskId: doverTask,
      key: doverCase.businessKey,
      team: DOVER_TEAM,
      port: 'dover',
    };
    const withoutShift = await walk(freight, freightCase);
    await forceShift('freight', DOVER_TEAM, 'dover');
    const withForeignShift = await walk(freight, freightCase);
    expect(withForeignShift).toEqual(withoutShift);
    expect(withForeignShift.filter((line) => line.endsWith('LEAKED'))).toEqual([]);
    expect(withForeignShift).toContain('GET /api/cases/:id 404');
    expect(withForeignShift).toContain('POST /api/cases/:id/comments 404');

    const felixstoweTask = (
      await app.sql<{ id: string }>('SELECT id FROM core.task WHERE case_id = $1', [felixstoweCase.id])
    )[0]!.id;
    const managerCase = {
      caseId: felixstoweCase.id,
      taskId: felixstoweTask,
      key: felixstoweCase.businessKey,
      team: FELIXSTOWE_TEAM,
      port: 'felixstowe',
    };
    const managerWithout = await walk(manager, managerCase);
    await forceShift('manager', FELIXSTOWE_TEAM, 'felixstowe');
    const managerWith = await walk(manager, managerCase);
    expect(managerWith).toEqual(managerWithout);
    expect(managerWith.filter((line) => line.endsWith('LEAKED'))).toEqual([]);
    expect(managerWith).toContain('POST /api/reports/:reportId/runs 400');
    await forceShift('freight', null, null);
    await forceShift('manager', null, null);
  }, 60_000);

  it('lets a manager grant time-limited cover in their command, audited, and ends it when revoked', async () => {
    const inOneDay = new Date(Date.now() + 86_400_000).toISOString();
    const outside = await apiCall(app, 'POST', '/api/team-covers', manager, {
      username: 'officer',
      teamId: FELIXSTOWE_TEAM,
      validTo: inOneDay,
      reason: 'Short of staff',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([{ path: 'teamId', message: 'Select a team in your command' }]);
    const tooLong = await apiCall(app, 'POST', '/api/team-covers', manager, {
      username: 'freight',
      teamId: DOVER_TEAM,
      validTo: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      reason: 'Summer',
      kind: 'member',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([{ path: 'kind', message: 'Only an admin can add a team member' }]);
    const noEnd = await apiCall(app, 'POST', '/api/team-covers', manager, {
      username: 'nobody',
      teamId: DOVER_TEAM,
      reason: '   ',
    });
    expect(noEnd.body.errors).toEqual([
      { path: 'username', message: 'There is no one with that username' },
      { path: 'reason', message: 'Enter why the cover is needed' },
      { path: 'validTo', message: 'Enter when the cover ends' },
    ]);
    expect(
      Number(
        (await app.sql<{ n: string }>('SELECT count(*) AS n FROM core.team_cover WHERE kind = $1', ['cover']))[0]!.n,
      ),
    ).toBe(0);

    const granted = await apiCall(app, 'POST', '/api/team-covers', manager, {
      username: 'freight',
      teamId: DOVER_TEAM,
      validTo: inOneDay,
      reason: 'Covering the Saturday peak',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ username: 'freight', teamId: DOVER_TEAM, kind: 'cover', validTo: inOneDay });
    const listed = await apiCall(app, 'GET', '/api/team-covers', manager);
    expect(listed.body.covers.map((c: { id: string }) => c.id)).toContain(granted.body.id);

    expect((await apiCall(app, 'POST', '/api/shift', freight, { teamId: DOVER_TEAM, location: 'dover' })).status).toBe(
      200,
    );
    expect((await apiCall(app, 'GET', `/api/cases/${doverCase.id}`, freight)).status).toBe(200);

    // Another command's manager cannot see or end it; an admin could.
    expect((await apiCall(app, 'DELETE', `/api/team-covers/${randomUUID()}`, manager)).status).toBe(404);
    expect((await apiCall(app, 'DELETE', `/api/team-covers/${granted.body.id}`, manager)).status).toBe(204);
    expect((await apiCall(app, 'GET', `/api/cases/${doverCase.id}`, freight)).status).toBe(404);
    const me = await apiCall(app, 'GET', '/api/shift/teams', freight);
    expect(me.body.teams.map((t: { id: string }) => t.id)).toEqual([FELIXSTOWE_TEAM]);

    const audit = await app.sql<{ action: string; actor: string }>(
      "SELECT action, actor FROM core.audit WHERE entity_type = 'team-cover' AND entity_id = $1 ORDER BY id",
      [granted.body.id],
    );
    expect(audit).toEqual([
      { action: 'team-cover.granted', actor: 'manager' },
      { action: 'team-cover.revoked', actor: 'manager' },
    ]);
    const member = await apiCall(app, 'POST', '/api/team-covers', admin, {
      username: 'freight',
      teamId: 'felixstowe-freight-team-b',
      reason: 'Rotates between the two Felixstowe teams',
      kind: 'member',
    });
    expect(member.status).toBe(201);
    expect(member.body.validTo).toBeNull();
  });
});
