import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall, submitCase, type Auth } from '../utils/reports.js';

const event = (eventDateTime: string, port: string, outcome: string) => ({
  eventDateTime,
  port,
  transportMode: port === 'felixstowe' ? 'container' : 'roro-tourist',
  outcome,
  ...(outcome === 'seizure'
    ? {
        items: [{ item: 'cocaine', quantity: 1, unit: 'kg' }],
        concealmentMethod: 'vehicle-natural-void',
        detectionMethod: 'physical-search',
      }
    : {}),
  personsInvolved: false,
  targeted: false,
  summary: 'Car selected and examined.',
});

/** A plugin folder holding only the fixture whose report declares a tile. */
const PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'dashboard-plugins');

interface Tile {
  id: string;
  title: string;
  figures: { label: string; value: number | null; previous?: number | null; lastYear?: number | null; of?: number }[];
  chart?: { title: string; xLabel: string; series: { name: string; points: { label: string; value: number }[] }[] };
  links: { cases: string; report?: string; csv?: string; xlsx?: string };
}

describe('dashboard: tiles from the reports’ declarations, this month against last month and last year', () => {
  let app: TestApp;
  let officer: Auth;
  let freight: Auth;
  let manager: Auth;
  let admin: Auth;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [PLUGINS] });
    [officer, freight, manager, admin] = await Promise.all(
      ['officer', 'freight', 'manager', 'admin'].map((u) => signIn(app, u)),
    );
    const ev = 'event-at-border';
    await submitCase(app, officer, ev, event('2026-10-01T00:30', 'dover', 'seizure'), 'e1');
    await submitCase(app, officer, ev, event('2026-10-05T14:00', 'dover', 'negative'), 'e2');
    await submitCase(app, officer, ev, event('2026-10-20T22:00', 'folkestone-eurotunnel', 'no-show'), 'e3');
    await submitCase(app, officer, ev, event('2026-09-30T23:30', 'dover', 'negative'), 'september');
    await submitCase(app, officer, ev, event('2025-10-15T12:00', 'dover', 'seizure'), 'last-year');
    await submitCase(app, freight, ev, event('2026-10-15T11:00', 'felixstowe', 'seizure'), 'felixstowe');
    const check = (checkedAt: string, result: string) => ({ checkedAt, result });
    await submitCase(app, officer, 'dashboard-tile', check('2026-10-02T09:00', 'passed'), 'c1');
    await submitCase(app, officer, 'dashboard-tile', check('2026-10-03T09:00', 'failed'), 'c2');
  });
  afterAll(async () => app?.close());

  const dashboard = async (auth: Auth, month = '2026-10') => {
    const response = await apiCall(app, 'GET', `/api/dashboard?month=${month}`, auth);
    expect(response.status).toBe(200);
    return response.body as {
      month: string;
      previousMonth: string;
      lastYearMonth: string;
      scope: string;
      tiles: Tile[];
    };
  };
  const tile = (view: { tiles: Tile[] }, id: string) => view.tiles.find((t) => t.id === id);

  it("a manager's: their command's events and seizures, with last month and last year, charted by port, linked", async () => {
    const view = await dashboard(manager);
    expect(view).toMatchObject({ month: '2026-10', previousMonth: '2026-09', lastYearMonth: '2025-10' });
    expect(view.scope).toMatch(/South East and Europe/);
    const events = tile(view, 'event-at-border.monthly-events.seizures')!;
    expect(events.figures).toEqual([
      { label: 'Events at the border', value: 3, previous: 1, lastYear: 1 },
      { label: 'Seizures', value: 1, previous: 0, lastYear: 1, of: 3 },
    ]);
    expect(events.chart!.series[0]!.points).toEqual([
      { label: 'Port of Dover', value: 2 },
      { label: expect.stringMatching(/Folkestone/), value: 1 },
    ]);
    expect(events.links).toEqual({
      cases: '/command-dashboard/cases?tile=event-at-border.monthly-events.seizures&month=2026-10',
      report: '/reports/event-at-border.monthly-events?month=2026-10',
      csv: '/api/reports/event-at-border.monthly-events/csv?month=2026-10',
      xlsx: '/api/reports/event-at-border.monthly-events/xlsx?month=2026-10',
    });
    // The cases behind the tile: the month's, newest first, in scope; its share's with part=true.
    const behind = await apiCall(
      app,
      'GET',
      `/api/${events.links.cases.slice(1).replace('command-dashboard', 'dashboard')}`,
      manager,
    );
    expect(behind.status).toBe(200);
    expect(behind.body.cases.map((c: { at: string }) => c.at)).toEqual([
      '2026-10-20T21:00:00.000Z',
      '2026-10-05T13:00:00.000Z',
      '2026-09-30T23:30:00.000Z',
    ]);
    expect(behind.body.cases[0]).toMatchObject({ caseId: expect.any(String), reference: expect.any(String) });
    const seizures = await apiCall(
      app,
      'GET',
      `/api/dashboard/cases?tile=${events.id}&month=2026-10&part=true`,
      manager,
    );
    expect(seizures.body.cases).toHaveLength(1);
    expect(seizures.body.title).toBe('Events and seizures: seizures');
    const unknown = await apiCall(app, 'GET', '/api/dashboard/cases?tile=nothing&month=2026-10', manager);
    expect([unknown.status, unknown.body.errors]).toEqual([
      400,
      [{ path: 'tile', message: 'Choose a tile of the dashboard' }],
    ]);
    // The hot debrief report takes dates: the month's first and last day.
    expect(tile(view, 'hot-debrief.debriefs-by-category.summary')!.links.csv).toBe(
      '/api/reports/hot-debrief.debriefs-by-category/csv?from=2026-10-01&to=2026-10-31',
    );
    // Cases started counts by submission: all of them this month (UK time), the other command's left out.
    const now = (await apiCall(app, 'GET', '/api/dashboard', manager)).body as { tiles: Tile[] };
    expect(tile(now, 'core.cases-started')!.chart!.series[0]!.points).toEqual(
      expect.arrayContaining([
        { label: 'Record an event at the border', value: 5 },
        { label: 'Detector dog checks', value: 2 },
      ]),
    );
    expect(tile(view, 'core.open-tasks')!.figures.map((f) => f.label)).toEqual(['Open tasks', 'Overdue']);
    expect(JSON.stringify(view)).not.toMatch(/Felixstowe/);
  });

  it("a plugin's tile appears from its report's declaration alone", async () => {
    const view = await dashboard(manager);
    const checks = tile(view, 'dashboard-tile.monthly-checks.checks')!;
    expect(checks).toMatchObject({
      title: 'Detector dog checks',
      figures: [
        { label: 'Checks', value: 2, previous: 0, lastYear: 0 },
        { label: 'Failed', value: 1, of: 2 },
      ],
      links: { report: '/reports/dashboard-tile.monthly-checks?month=2026-10' },
    });
    expect(checks.chart!.series[0]!.points).toEqual([
      { label: 'Failed', value: 1 },
      { label: 'Passed', value: 1 },
    ]);
    // A summary report with no declaration gets its headline tile.
    expect(tile(view, 'hot-debrief.debriefs-by-category.summary')?.figures[0]?.label).toBe('Hot debriefs');
  });

  it("items seized: the item lines on the month's seizures, charted by item, linked to the seizures", async () => {
    const items = tile(await dashboard(manager), 'event-at-border.monthly-events.items')!;
    // e1 this month, the last-year seizure; Felixstowe's is the other command's.
    expect(items.figures).toEqual([{ label: 'Items seized', value: 1, previous: 0, lastYear: 1 }]);
    expect(items.chart!.series[0]!.points).toEqual([{ label: 'Cocaine', value: 1 }]);
    expect(items.links.report).toBe('/reports/event-at-border.monthly-events?month=2026-10');
    const behind = await apiCall(app, 'GET', `/api/dashboard/cases?tile=${items.id}&month=2026-10`, manager);
    expect(behind.body.cases.map((c: { at: string }) => c.at)).toEqual(['2026-09-30T23:30:00.000Z']);
  });

  it('SLA breaches: tasks due in the month not done by their due time, by team, linked to their cases', async () => {
    // Three of the manager's command's tasks made due in October: one done in time, one done
    // late, one still open; and one of the other command's, late.
    const tasks = await app.sql<{ id: string; team_id: string }>(
      `SELECT t.id, t.team_id FROM core.task t JOIN core.case c ON c.id = t.case_id
        WHERE c.plugin_id = 'event-at-border' ORDER BY c.created_at, t.id`,
    );
    const ours = tasks.filter((t) => t.team_id !== 'felixstowe-freight-team-a').slice(0, 3);
    const theirs = tasks.find((t) => t.team_id === 'felixstowe-freight-team-a');
    expect(ours).toHaveLength(3);
    const set = (id: string, due: string, status: string, completed: string | null) =>
      app.sql('UPDATE core.task SET due_at = $2, status = $3, completed_at = $4 WHERE id = $1', [
        id,
        due,
        status,
        completed,
      ]);
    await set(ours[0]!.id, '2026-10-10T12:00Z', 'completed', '2026-10-10T11:00Z');
    await set(ours[1]!.id, '2026-10-12T12:00Z', 'completed', '2026-10-13T09:00Z');
    await set(ours[2]!.id, '2026-10-14T12:00Z', 'open', null);
    if (theirs) await set(theirs.id, '2026-10-14T12:00Z', 'completed', '2026-10-20T12:00Z');
    const breaches = tile(await dashboard(manager), 'core.sla-breaches')!;
    expect(breaches.figures).toEqual([
      { label: 'Tasks due', value: 3, previous: 0, lastYear: 0 },
      { label: 'Not done by their due time', value: 2, previous: 0, lastYear: 0, of: 3 },
    ]);
    expect(breaches.chart!.series[0]!.points.reduce((n, p) => n + p.value, 0)).toBe(2);
    const behind = await apiCall(app, 'GET', `/api/dashboard/cases?tile=core.sla-breaches&month=2026-10`, manager);
    expect(behind.status).toBe(200);
    expect(behind.body.cases.map((c: { at: string }) => c.at)).toEqual([
      '2026-10-14T12:00:00.000Z',
      '2026-10-12T12:00:00.000Z',
    ]);
    const all = tile(await dashboard(admin), 'core.sla-breaches')!;
    expect(all.figures[1]).toMatchObject({ value: theirs ? 3 : 2, of: theirs ? 4 : 3 });
  });

  it("an admin's is command-wide; officers are refused; a bad month is a field error", async () => {
    const all = await dashboard(admin);
    expect(all.scope).toBe('Every command');
    expect(tile(all, 'event-at-border.monthly-events.seizures')!.figures[0]!.value).toBe(4);
    expect((await apiCall(app, 'GET', '/api/dashboard', officer)).status).toBe(403);
    const bad = await apiCall(app, 'GET', '/api/dashboard?month=2026-13', manager);
    expect([bad.status, bad.body.errors]).toEqual([400, [{ path: 'month', message: 'Enter a real month' }]]);
    expect((await apiCall(app, 'GET', '/api/dashboard', manager)).status).toBe(200);
  });
});
