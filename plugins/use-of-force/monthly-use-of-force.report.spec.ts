import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfInfo, pdfText, pdfToPng } from '../../test/reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';

const OUT = join(process.cwd(), 'test-output', 'use-of-force');
const REPORT = 'use-of-force.monthly-use-of-force';

interface Force {
  port: string;
  team?: string;
  techniques: string[];
  reasons: string[];
  subjectInjured?: boolean;
  officerInjured?: boolean;
  medicalAssistance?: string;
  bodyWornVideo: boolean;
}

/** A valid use of force report (the start form's answers); injuries add their descriptions. */
const force = (occurredAt: string, f: Force) => ({
  occurredAt,
  port: f.port,
  locationDetails: 'Search room 2',
  team: f.team ?? 'dover-tourist-controls-team-1',
  familyName: 'Smith',
  subjectBehaviour: ['active-resistance'],
  reasons: f.reasons,
  techniques: f.techniques,
  durationMinutes: 4,
  subjectInjured: f.subjectInjured ?? false,
  ...(f.subjectInjured ? { subjectInjuries: 'Graze to the left wrist.' } : {}),
  officerInjured: f.officerInjured ?? false,
  ...(f.officerInjured ? { officerInjuries: 'Bruised right hand.' } : {}),
  medicalAssistance: f.medicalAssistance ?? 'none',
  account: 'The person tried to leave the search room after arrest. Force was the least needed to stop them.',
  bodyWornVideo: f.bodyWornVideo,
});

describe('use-of-force report: use of force in a month', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let freight: Record<string, string>;
  let manager: Record<string, string>;

  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  const submit = async (auth: Record<string, string>, answers: Record<string, unknown>, name: string) => {
    const created = await call('POST', '/api/plugins/use-of-force/cases', auth, { answers });
    if (created.status !== 201) throw new Error(`${name}: ${created.status} ${JSON.stringify(created.body)}`);
  };

  /** Runs the report as a job as the manager, waits for it, downloads the PDF and returns its text. */
  const runReport = async (parameters: Record<string, string>, name: string) => {
    const created = await call('POST', `/api/reports/${REPORT}/runs`, manager, { parameters });
    expect(created.status).toBe(202);
    let run: any;
    for (let i = 0; i < 300 && !['done', 'failed'].includes(run?.status); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      run = (await call('GET', `/api/reports/runs/${created.body.id}`, manager)).body;
    }
    expect(run).toMatchObject({ status: 'done', progress: { percent: 100 } });
    const response = await fetch(`${app.url}${run.pdf}`, { headers: manager });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = join(OUT, `${name}.pdf`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return { file, text: await pdfText(file) };
  };

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    app = await startTestApp({ env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });
    [officer, freight, manager] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'freight'),
      signIn(app, 'manager'),
    ]);

    // October 2026 in the South East and Europe Command, all reported in November (today). UK
    // time: BST until 25 October, so 1 Oct 00:30 is 30 Sep 23:30 UTC (in) and 30 Sep 23:30 is
    // 22:30 UTC (out); 31 Oct 23:30 is GMT (in).
    await submit(
      officer,
      force('2026-10-01T00:30', {
        port: 'dover',
        techniques: ['escort-hold', 'handcuffs-rear'],
        reasons: ['prevent-escape', 'effect-arrest'],
        bodyWornVideo: true,
      }),
      'u1',
    );
    await submit(
      officer,
      force('2026-10-05T14:00', {
        port: 'dover',
        techniques: ['handcuffs-rear', 'arm-lock'],
        reasons: ['protect-self'],
        subjectInjured: true,
        medicalAssistance: 'first-aid',
        bodyWornVideo: true,
      }),
      'u2',
    );
    await submit(
      officer,
      force('2026-10-12T09:15', {
        port: 'folkestone-eurotunnel',
        techniques: ['verbal-commands', 'escort-hold'],
        reasons: ['detain-for-search'],
        medicalAssistance: 'offered-declined', // offered, not given
        bodyWornVideo: false,
      }),
      'u3',
    );
    await submit(
      officer,
      force('2026-10-31T23:30', {
        port: 'dover',
        techniques: ['escort-hold'],
        reasons: ['prevent-escape'],
        bodyWornVideo: false,
      }),
      'u5',
    );
    // Outside the month either side of the boundaries.
    await submit(
      officer,
      force('2026-09-30T23:30', {
        port: 'dover',
        techniques: ['defensive-strike'],
        reasons: ['secure-evidence'],
        subjectInjured: true,
        medicalAssistance: 'paramedic',
        bodyWornVideo: true,
      }),
      'september',
    );
    await submit(
      officer,
      force('2026-11-01T00:15', {
        port: 'dover',
        techniques: ['defensive-strike'],
        reasons: ['secure-evidence'],
        officerInjured: true,
        medicalAssistance: 'hospital',
        bodyWornVideo: true,
      }),
      'november',
    );
    // Another command (Central Command, Felixstowe), same month: must not appear.
    await submit(
      freight,
      force('2026-10-15T11:00', {
        port: 'felixstowe',
        team: 'felixstowe-freight-team-a',
        techniques: ['defensive-strike', 'handcuffs-rear'],
        reasons: ['secure-evidence'],
        officerInjured: true,
        medicalAssistance: 'paramedic',
        bodyWornVideo: true,
      }),
      'felixstowe',
    );
    // A night shift on Team 2: the case is filed under the officer's shift team.
    expect(
      (await call('POST', '/api/shift', officer, { teamId: 'dover-tourist-controls-team-2', location: 'dover' }))
        .status,
    ).toBeLessThan(300);
    await submit(
      officer,
      force('2026-10-20T22:00', {
        port: 'folkestone-eurotunnel',
        team: 'dover-tourist-controls-team-2',
        techniques: ['ground-restraint', 'handcuffs-rear', 'limb-restraints'],
        reasons: ['protect-others', 'effect-arrest'],
        subjectInjured: true,
        officerInjured: true,
        medicalAssistance: 'hospital',
        bodyWornVideo: true,
      }),
      'u4',
    );
    await call('DELETE', '/api/shift', officer);
  });
  afterAll(async () => app?.close());

  it('is listed for managers with a month and a team, and checks its parameters', async () => {
    const listed = (await call('GET', '/api/reports', manager)).body.reports as {
      id: string;
      title: string;
      parameters: { name: string; type: string; required?: boolean }[];
    }[];
    const report = listed.find((r) => r.id === REPORT);
    expect(report?.title).toBe('Use of force in a month');
    expect(report?.parameters.map((p) => [p.name, p.type])).toEqual([
      ['month', 'month'],
      ['team', 'team'],
    ]);
    expect(
      (await call('POST', `/api/reports/${REPORT}/runs`, officer, { parameters: { month: '2026-10' } })).status,
    ).toBe(403);
    const bad = await call('POST', `/api/reports/${REPORT}/runs`, manager, { parameters: { month: '2026-13' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'parameters.month', message: 'Enter a real month' }]);
    const missing = await call('POST', `/api/reports/${REPORT}/runs`, manager, { parameters: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['parameters.month']);
    // A team of another command is not the manager's to report on.
    const other = await call('POST', `/api/reports/${REPORT}/runs`, manager, {
      parameters: { month: '2026-10', team: 'felixstowe-freight-team-a' },
    });
    expect(other.status).toBe(400);
    expect(other.body.errors.map((e: { path: string }) => e.path)).toEqual(['parameters.team']);
  });

  it("October 2026: key figures, by port, techniques and reasons, only the manager's command", async () => {
    const { file, text } = await runReport({ month: '2026-10' }, 'monthly-use-of-force');
    expect(text).toContain('Use of force in a month');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toMatch(/Month\s+October 2026/);
    expect(text).toMatch(/Period\s+01 Oct 2026 to 31 Oct 2026/);
    // Key figures: 5 reports (u1–u5), counts and % of reports.
    expect(text).toMatch(/Use of force reports\s+5\n/);
    expect(text).toMatch(/Person injured\s+2 \(40\.0%\)/); // u2, u4
    expect(text).toMatch(/Officer injured\s+1 \(20\.0%\)/); // u4
    expect(text).toMatch(/Medical assistance given\s+2 \(40\.0%\)/); // first aid (u2), hospital (u4); not u3's declined offer
    expect(text).toMatch(/Body-worn video recorded\s+3 \(60\.0%\)/); // u1, u2, u4

    // By port: Reports, Person injured, Officer injured; busiest first.
    expect(text).toMatch(/Port\s+Reports\s+Person injured\s+Officer injured/);
    expect(text).toMatch(/Port of Dover\s+3\s+1\s+0\n/);
    expect(text).toMatch(/Eurotunnel Le Shuttle terminal,[^\n]*?\s+2\s+1\s+1\n/);
    expect(text).toMatch(/All ports\s+5\s+2\s+1\n/);
    expect(text.indexOf('Port of Dover')).toBeLessThan(text.indexOf('Eurotunnel Le Shuttle'));

    // Techniques: reports using each, most used first, then by name.
    const techniques = section(text, 'Techniques used', 'Reasons for using force');
    expect(rows(techniques)).toEqual([
      'Escort hold 3 60.0%',
      'Handcuffs: rear 3 60.0%',
      'Arm lock or arm restraint 1 20.0%',
      'Limb restraints 1 20.0%',
      'Restraint on the ground 1 20.0%',
      'Verbal commands and tactical communication 1 20.0%',
    ]);
    const reasons = section(text, 'Reasons for using force', 'Handling:'); // may run on to page 2
    expect(rows(reasons)).toEqual([
      'To make an arrest 2 40.0%',
      'To prevent escape 2 40.0%',
      'To detain for a search 1 20.0%',
      'To protect others 1 20.0%',
      'To protect yourself 1 20.0%',
    ]);

    // Nothing from September, November or the other command.
    expect(text).not.toMatch(/Felixstowe|Defensive strike|To secure evidence/);
    const pages = (await pdfInfo(file)).Pages;
    expect(text).toContain(`Page 1 of ${pages}`);
    await pdfToPng(file, join(OUT, 'monthly-use-of-force'), { first: 1, last: 1, dpi: 60 });
  });

  it('one team of the command: only that team’s reports', async () => {
    const { text } = await runReport({ month: '2026-10', team: 'dover-tourist-controls-team-2' }, 'team-2');
    expect(text).toMatch(/Team\s+Dover Tourist Controls Team 2/);
    expect(text).toMatch(/Use of force reports\s+1\n/);
    expect(text).toMatch(/Person injured\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Officer injured\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Medical assistance given\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Body-worn video recorded\s+1 \(100\.0%\)/);
    expect(text).toMatch(/All ports\s+1\s+1\s+1\n/);
    expect(text).not.toContain('Port of Dover');
    expect(rows(section(text, 'Techniques used', 'Reasons for using force'))).toEqual([
      'Handcuffs: rear 1 100.0%',
      'Limb restraints 1 100.0%',
      'Restraint on the ground 1 100.0%',
    ]);
  });

  it('a month with nothing recorded says so instead of printing empty tables', async () => {
    const { file, text } = await runReport({ month: '2026-06' }, 'empty-month');
    expect(text).toMatch(/Month\s+June 2026/);
    expect(text).toMatch(/Use of force reports\s+0\n/);
    expect(text).toContain('No use of force was recorded in this month.');
    expect(text).not.toMatch(/Person injured|Reports and injuries by port|Techniques used|Reasons for using force/);
    expect((await pdfInfo(file)).Pages).toBe('1');
  });
});

/** The text between two headings. */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text.slice(start + from.length, end);
}

/** Table body rows of a section ending "<count> <percent>", spaces collapsed. */
function rows(section: string): string[] {
  return section
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => /\d+ \d+\.\d%$/.test(line));
}
