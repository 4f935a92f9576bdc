import { join } from 'node:path';
import { pdfInfo, pdfToPng } from '../../test/reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import {
  apiCall,
  expectMonthReportHeading,
  expectMonthReportParameters,
  runReportPdf,
  section,
  submitCase,
  tableRows,
  type Auth,
} from '../../test/utils/reports.js';

const OUT = join(process.cwd(), 'test-output', 'use-of-force');
const REPORT = 'use-of-force.monthly-use-of-force';
const TITLE = 'Use of force in a month';

/** Table body rows of a section ending "<count> <percent>", spaces collapsed. */
const rows = (text: string): string[] => tableRows(text, /\d+ \d+\.\d%$/);

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
  let officer: Auth;
  let freight: Auth;
  let manager: Auth;

  const submit = async (auth: Auth, answers: Record<string, unknown>, name: string) => {
    await submitCase(app, auth, 'use-of-force', answers, name);
  };

  /** Runs the report as a job as the manager, waits for it, downloads the PDF and returns its text. */
  const runReport = (parameters: Record<string, string>, name: string) =>
    runReportPdf(app, manager, REPORT, parameters, join(OUT, `${name}.pdf`));

  beforeAll(async () => {
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
      (
        await apiCall(app, 'POST', '/api/shift', officer, {
          teamId: 'dover-tourist-controls-team-2',
          location: 'dover',
        })
      ).status,
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
    await apiCall(app, 'DELETE', '/api/shift', officer);
  });
  afterAll(async () => app?.close());

  it('is listed for managers with a month and a team, and checks its parameters', async () => {
    await expectMonthReportParameters(app, {
      reportKey: REPORT,
      title: TITLE,
      manager,
      officer,
      month: '2026-10',
      // A team of another command is not the manager's to report on.
      otherCommandTeam: 'felixstowe-freight-team-a',
    });
  });

  it("October 2026: key figures, by port, techniques and reasons, only the manager's command", async () => {
    const { file, text } = await runReport({ month: '2026-10' }, 'monthly-use-of-force');
    expectMonthReportHeading(text, { title: TITLE, month: 'October 2026', period: '01 Oct 2026 to 31 Oct 2026' });
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
