import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfInfo, pdfText, pdfToPng } from '../reports/poppler.js';
import { backfillSql } from '../../core/src/read-model/read-model.sql.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const OUT = join(process.cwd(), 'test-output', 'plugin-reports');
const EVENTS = 'event-at-border.monthly-events';
const HOURS = 'operational-activity.hours-by-activity';

/** A valid event at the border (the start form's answers); seizures add items, concealment and detection. */
const event = (
  eventDateTime: string,
  port: string,
  outcome: string,
  items?: { item: string; quantity: number; unit: string }[],
) => ({
  eventDateTime,
  port,
  transportMode: port === 'felixstowe' ? 'container' : 'roro-tourist',
  outcome,
  ...(items ? { items, concealmentMethod: 'vehicle-natural-void', detectionMethod: 'physical-search' } : {}),
  personsInvolved: false,
  targeted: false,
  summary: `Car selected in the ${outcome === 'seizure' ? 'red' : 'green'} lane and examined.`,
});

/** A valid end-of-shift report: activities must add up to the shift length. */
const shiftReport = (
  shiftStart: string,
  shiftEnd: string,
  team: string,
  staffByGrade: { grade: string; count: number }[],
  activities: { mode: string; activity: string; minutes: number }[],
  location = 'dover',
) => ({
  shiftStart,
  shiftEnd,
  location,
  team,
  staffByGrade,
  activities,
  detections: [{ category: 'A', positive: 0, negative: 1 }],
});

describe('plugin reports: monthly events at the border, hours by activity', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let freight: Record<string, string>;
  let manager: Record<string, string>;
  /** Business keys by name. */
  const keys: Record<string, string> = {};

  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  const submit = async (
    plugin: string,
    auth: Record<string, string>,
    answers: Record<string, unknown>,
    name: string,
  ) => {
    const created = await call('POST', `/api/plugins/${plugin}/cases`, auth, { answers });
    if (created.status !== 201) throw new Error(`${name}: ${created.status} ${JSON.stringify(created.body)}`);
    keys[name] = created.body.businessKey as string;
  };

  /** Runs a report as a job, waits for it, downloads the PDF and returns its path. */
  const runReport = async (reportId: string, parameters: Record<string, string>, name: string) => {
    const created = await call('POST', `/api/reports/${reportId}/runs`, manager, { parameters });
    expect(created.status).toBe(202);
    let run: any;
    for (let i = 0; i < 300 && !['done', 'failed'].includes(run?.status); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      run = (await call('GET', `/api/reports/runs/${created.body.id}`, manager)).body;
    }
    expect(run).toMatchObject({ status: 'done', progress: { percent: 100 } });
    return download(run.pdf, name);
  };

  const download = async (path: string, name: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: manager });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = join(OUT, `${name}.pdf`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return file;
  };

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    app = await startTestApp({ env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });
    [officer, freight, manager] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'freight'),
      signIn(app, 'manager'),
    ]);

    // October 2026 in the South East and Europe Command (Dover Tourist Controls Team 1). UK time:
    // BST until 25 October, so 1 Oct 00:30 is 30 Sep 23:30 UTC (in) and 30 Sep 23:30 is 22:30 UTC (out).
    const ev = 'event-at-border';
    await submit(
      ev,
      officer,
      event('2026-10-01T00:30', 'dover', 'seizure', [
        { item: 'cocaine', quantity: 12.5, unit: 'kg' },
        { item: 'cigarettes', quantity: 40000, unit: 'sticks' },
      ]),
      'e1',
    );
    await submit(
      ev,
      officer,
      event('2026-10-05T14:00', 'dover', 'seizure', [{ item: 'cocaine', quantity: 2.25, unit: 'kg' }]),
      'e2',
    );
    await submit(ev, officer, event('2026-10-12T09:15', 'dover', 'negative'), 'e3');
    await submit(ev, officer, event('2026-10-20T22:00', 'folkestone-eurotunnel', 'no-show'), 'e4');
    await submit(
      ev,
      officer,
      event('2026-10-28T10:00', 'folkestone-eurotunnel', 'seizure', [
        { item: 'cigarettes', quantity: 10000, unit: 'sticks' },
        { item: 'cash-sterling', quantity: 5000, unit: 'GBP' },
      ]),
      'e5',
    );
    await submit(ev, officer, event('2026-10-31T23:30', 'dover', 'negative'), 'e6');
    // Outside the month either side of the boundaries.
    await submit(ev, officer, event('2026-09-30T23:30', 'dover', 'negative'), 'september');
    await submit(
      ev,
      officer,
      event('2026-11-01T00:15', 'dover', 'seizure', [{ item: 'cocaine', quantity: 1, unit: 'kg' }]),
      'november',
    );
    // Another command (Central Command, Felixstowe): must not appear.
    await submit(
      ev,
      freight,
      event('2026-10-15T11:00', 'felixstowe', 'seizure', [{ item: 'heroin', quantity: 3, unit: 'kg' }]),
      'felixstowe',
    );

    const oar = 'operational-activity';
    await submit(
      oar,
      officer,
      shiftReport(
        '2026-10-01T00:30',
        '2026-10-01T08:30',
        'dover-tourist-controls-team-1',
        [
          { grade: 'EO', count: 8 },
          { grade: 'HEO', count: 1 },
        ],
        [
          { mode: 'roro-tourist', activity: 'passenger-control', minutes: 300 },
          { mode: 'roro-tourist', activity: 'customs-examination', minutes: 120 },
          { mode: 'roro-tourist', activity: 'administration', minutes: 60 },
        ],
      ),
      'o1',
    );
    await submit(
      oar,
      officer,
      shiftReport(
        '2026-10-31T20:00',
        '2026-11-01T02:00',
        'dover-tourist-controls-team-1',
        [
          { grade: 'AO', count: 4 },
          { grade: 'EO', count: 2 },
        ],
        [
          { mode: 'roro-tourist', activity: 'passenger-control', minutes: 240 },
          { mode: 'roro-tourist', activity: 'training', minutes: 120 },
        ],
      ),
      'o3',
    );
    await submit(
      oar,
      officer,
      shiftReport(
        '2026-09-30T22:00',
        '2026-10-01T06:00',
        'dover-tourist-controls-team-1',
        [{ grade: 'EO', count: 3 }],
        [{ mode: 'roro-tourist', activity: 'passenger-control', minutes: 480 }],
      ),
      'september-oar',
    );
    // A night shift on Team 2: the case is filed under the officer's shift team.
    expect(
      (await call('POST', '/api/shift', officer, { teamId: 'dover-tourist-controls-team-2', location: 'dover' }))
        .status,
    ).toBeLessThan(300);
    await submit(
      oar,
      officer,
      shiftReport(
        '2026-10-10T22:00',
        '2026-10-11T06:00',
        'dover-tourist-controls-team-2',
        [{ grade: 'EO', count: 5 }],
        [
          { mode: 'roro-accompanied-freight', activity: 'freight-examination', minutes: 360 },
          { mode: 'roro-unaccompanied-freight', activity: 'targeted-search', minutes: 120 },
        ],
      ),
      'o2',
    );
    await call('DELETE', '/api/shift', officer);
    await submit(
      oar,
      freight,
      shiftReport(
        '2026-10-05T07:00',
        '2026-10-05T15:00',
        'felixstowe-freight-team-a',
        [{ grade: 'EO', count: 10 }],
        [{ mode: 'container', activity: 'freight-examination', minutes: 480 }],
        'felixstowe',
      ),
      'felixstowe-oar',
    );
  });
  afterAll(async () => app?.close());

  it('lists both reports for a manager with their parameters', async () => {
    const listed = (await call('GET', '/api/reports', manager)).body.reports as {
      id: string;
      parameters: { name: string; type: string }[];
    }[];
    expect(listed.find((r) => r.id === EVENTS)?.parameters.map((p) => [p.name, p.type])).toEqual([
      ['month', 'month'],
      ['team', 'team'],
    ]);
    // The period's standard parameters (dates, then the team filter) come first, then the report's own.
    expect(listed.find((r) => r.id === HOURS)?.parameters.map((p) => p.name)).toEqual([
      'from',
      'to',
      'team',
      'command',
    ]);
    expect(
      (await call('POST', `/api/reports/${EVENTS}/runs`, officer, { parameters: { month: '2026-10' } })).status,
    ).toBe(403);
    const bad = await call('POST', `/api/reports/${EVENTS}/runs`, manager, { parameters: { month: '2026-13' } });
    expect(bad.body.errors).toEqual([{ path: 'parameters.month', message: 'Enter a real month' }]);
  });

  it('monthly events: October 2026 by port and outcome, items seized, every event, only this command', async () => {
    const file = await runReport(EVENTS, { month: '2026-10' }, 'monthly-events');
    const text = await pdfText(file);
    expect(text).toContain('Monthly events at the border');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toMatch(/Month\s+October 2026/);
    expect(text).toMatch(/Period\s+01 Oct 2026 to 31 Oct 2026/);
    expect(text).toMatch(/Events at the border\s+6\b/);
    expect(text).toMatch(/Seizures\s+3 \(50\.0%\)/);
    expect(text).toMatch(/No shows\s+1 \(16\.7%\)/);
    expect(text).toMatch(/Negatives\s+2 \(33\.3%\)/);
    // Port × outcome: Seizure, Negative, No show, Events.
    expect(text).toMatch(/Port\s+Seizure\s+Negative\s+No show\s+Events/);
    expect(text).toMatch(/Port of Dover\s+2\s+2\s+0\s+4\s+Eurotunnel/); // busiest first
    expect(text).toMatch(/Eurotunnel Le Shuttle terminal,[\s\S]*?1\s+0\s+1\s+2/);
    expect(text).toMatch(/All ports\s+3\s+2\s+1\s+6/);
    // Items seized: label, total quantity with unit, number of seizures.
    expect(text).toMatch(/Cocaine\s+14\.75 kg\s+2/);
    expect(text).toMatch(/Cigarettes\s+50,000 sticks\s+2/);
    expect(text).toMatch(/Sterling\s+5,000 GBP\s+1/);
    // Every event in the month (UK time), none outside it, none from Felixstowe.
    for (const name of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']) expect(text).toContain(keys[name]);
    for (const name of ['september', 'november', 'felixstowe']) expect(text).not.toContain(keys[name]);
    expect(text).toMatch(new RegExp(`01 Oct 2026, 00:30\\s+${keys.e1}\\s+Port of Dover\\s+Seizure\\s+2`));
    expect(text).toMatch(new RegExp(`31 Oct 2026, 23:30\\s+${keys.e6}\\s+Port of Dover\\s+Negative\\s+0`));
    expect(text).toMatch(/Total\s+5\s*$/m);
    expect(text).not.toMatch(/Felixstowe|Heroin/);
    const pages = (await pdfInfo(file)).Pages;
    expect(text).toContain(`Page 1 of ${pages}`);
    // The event list follows the items table (no forced page break leaving a page nearly empty).
    expect(text.indexOf('Every event in the month')).toBeGreaterThan(text.indexOf('Sterling'));
    const pageOf = (needle: string) => text.split('\f').findIndex((page) => page.includes(needle));
    expect(pageOf('Every event in the month')).toBe(pageOf('Sterling'));
    await pdfToPng(file, join(OUT, 'monthly-events'), { first: 1, last: 1, dpi: 60 });
  });

  it('monthly events: a month too big to list prints the summary only, and one team of it lists every event', async () => {
    // August 2026: 20,001 events straight into the cases, one in four for Team 2, then into the
    // read model by the statement the core runs on every submission (here for all of them at once).
    await app.sql(`
      INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
      SELECT 'BF-202608-' || i, 'event-at-border', 'event-at-border', 1,
             jsonb_build_object('eventDateTime', '2026-08-' || lpad((1 + i % 31)::text, 2, '0') || 'T00:00',
                                'port', 'dover', 'transportMode', 'roro-tourist',
                                'outcome', CASE WHEN i % 10 = 0 THEN 'seizure' ELSE 'negative' END),
             'closed', CASE WHEN i % 4 = 0 THEN 'dover-tourist-controls-team-2' ELSE 'dover-tourist-controls-team-1' END,
             (SELECT id FROM core.app_user WHERE username = 'officer')
        FROM generate_series(1, 20001) i`);
    await app.sql(backfillSql(app.boot.registry.get('event-at-border')!.readModel!), ['event-at-border']);
    const whole = await runReport(EVENTS, { month: '2026-08' }, 'monthly-events-big');
    const text = await pdfText(whole);
    expect(text).toMatch(/Events at the border\s+20,001\b/);
    expect(text).toMatch(/Seizures\s+2,000 \(10\.0%\)/);
    expect(text).toMatch(/All ports\s+2,000\s+18,001\s+0\s+20,001/);
    expect(text).toMatch(
      /Events listed\s+None: more than 20,000 events\. Run the report for one team to list its\s+events\./,
    );
    expect(text).not.toContain('Every event in the month');
    expect(text).not.toMatch(/BF-202608-\d/);
    expect((await pdfInfo(whole)).Pages).toBe('1');
    await pdfToPng(whole, join(OUT, 'monthly-events-big'), { first: 1, last: 1, dpi: 60 });

    const team2 = await pdfText(
      await download(
        `/api/reports/${EVENTS}/pdf?month=2026-08&team=dover-tourist-controls-team-2`,
        'monthly-events-team-2',
      ),
    );
    expect(team2).toMatch(/Team\s+Dover Tourist Controls Team 2/);
    expect(team2).toMatch(/Events at the border\s+5,000\b/);
    expect(team2).toContain('Every event in the month');
    expect(team2).toContain('BF-202608-20000');
    expect(team2).not.toContain('BF-202608-20001');
    expect(team2).toMatch(/Events listed\s+Every event, after the summary/);
  }, 180_000); // 20,001 cases to write first: minutes on a loaded 2-core machine

  it('hours by activity: October 2026 by activity and mode, by mode and by team, only this command', async () => {
    const file = await runReport(HOURS, { from: '2026-10-01', to: '2026-10-31' }, 'hours-by-activity');
    const text = await pdfText(file);
    expect(text).toContain('Hours by activity and mode');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toMatch(/End-of-shift reports\s+3\b/);
    expect(text).toMatch(/Total staff hours\s+148\.0/); // 9 × 8 h + 5 × 8 h + 6 × 6 h
    expect(text).toMatch(/Total activity hours\s+22\.0/); // 8 + 8 + 6
    expect(text).toMatch(/Teams reporting\s+2\b/);
    expect(text).toMatch(/Administration\s+RoRo tourist\s+1\.0\s+1/);
    expect(text).toMatch(/Customs examination\s+RoRo tourist\s+2\.0\s+1/);
    expect(text).toMatch(/Freight examination\s+RoRo accompanied freight\s+6\.0\s+1/);
    expect(text).toMatch(/Passenger control\s+RoRo tourist\s+9\.0\s+2/);
    expect(text).toMatch(/Targeted search\s+RoRo unaccompanied freight\s+2\.0\s+1/);
    expect(text).toMatch(/Training\s+RoRo tourist\s+2\.0\s+1/);
    expect(text).toMatch(/All activities\s+22\.0/);
    expect(text).toMatch(/Dover Tourist Controls Team 1\s+2\s+108\.0\s+14\.0/);
    expect(text).toMatch(/Dover Tourist Controls Team 2\s+1\s+40\.0\s+8\.0/);
    expect(text).toMatch(/All teams\s+3\s+148\.0\s+22\.0/);
    expect(text).not.toMatch(/Felixstowe|Container/);
    await pdfToPng(file, join(OUT, 'hours-by-activity'), { first: 1, last: 1, dpi: 60 });

    const team2 = await pdfText(
      await download(
        `/api/reports/${HOURS}/pdf?from=2026-10-01&to=2026-10-31&team=dover-tourist-controls-team-2`,
        'hours-team-2',
      ),
    );
    expect(team2).toMatch(/Team\s+Dover Tourist Controls Team 2/);
    expect(team2).toMatch(/End-of-shift reports\s+1\b/);
    expect(team2).toMatch(/Total staff hours\s+40\.0/);
    expect(team2).not.toContain('Passenger control');
  });
});
