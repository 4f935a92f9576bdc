import { join } from 'node:path';
import { pdfInfo, pdfToPng } from '../../test/reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import {
  apiCall,
  downloadReportPdf,
  expectMonthReportHeading,
  expectMonthReportParameters,
  runReportPdf,
  section,
  submitCase,
  tableRows,
  type Auth,
} from '../../test/utils/reports.js';

const OUT = join(process.cwd(), 'test-output', 'safeguarding-referral');
const REPORT = 'safeguarding-referral.monthly-safeguarding';
const TITLE = 'Safeguarding referrals in a month';

/** Table body and total rows of a section (lines ending in a count or a percentage), spaces collapsed. */
const rows = (text: string): string[] => tableRows(text, /\D \d+( \d+)*( \d+\.\d%)?$/, /Page \d+ of \d+$/);

const T1 = 'dover-tourist-controls-team-1';
const TEAM_PORT: Record<string, string> = {
  [T1]: 'dover',
  'st-pancras-team': 'st-pancras',
  'coquelles-tourist-team': 'coquelles-juxtaposed',
  'heathrow-t4-arrivals-team': 'heathrow',
};

interface Referral {
  team: string;
  category: string;
  indicators: string[];
  personAge: 'child' | 'age-in-doubt' | 'adult';
  actionsTaken: string[];
  givenName: string;
  familyName: string;
  companion?: { givenName: string; familyName: string };
}

/** A valid referral (the start form's answers) for someone met at `encounteredAt`, UK time. */
const referral = (encounteredAt: string, r: Referral) => ({
  encounteredAt,
  port: TEAM_PORT[r.team]!,
  team: r.team,
  eventType: 'safeguarding-concern',
  category: r.category,
  indicators: r.indicators,
  ...(r.indicators.includes('other') ? { otherIndicator: 'Wrote a phone number on her hand' } : {}),
  personAge: r.personAge,
  givenName: r.givenName,
  familyName: r.familyName,
  ...(r.personAge === 'adult' ? { dateOfBirth: '1994-06-17' } : {}),
  nationality: 'VNM',
  sex: 'female',
  needsInterpreter: true,
  language: 'vie',
  accompanied: r.companion !== undefined,
  ...(r.companion ? { companions: [{ ...r.companion, relation: 'travel-organiser', relationVerified: false }] } : {}),
  actionsTaken: r.actionsTaken,
  ...(r.actionsTaken.includes('childrens-services') ? { localAuthority: 'Kent County Council' } : {}),
  ...(r.actionsTaken.includes('police') ? { policeReference: 'KENT-CAD-7731' } : {}),
  summary: `Spoken to alone with an interpreter, ${r.givenName} said she had been promised work and owed money for the journey.`,
});

/** Everything personal the referrals record: none of it may appear in the report. */
const PEOPLE = [
  ['Thi Lan', 'Nguyen'],
  ['Minh', 'Tranh'],
  ['Hoa', 'Phuong'],
  ['Quynh', 'Dovan'],
  ['Maiphuong', 'Lethuy'],
  ['Linh', 'Buithi'],
  ['Ngoc', 'Vuong'],
] as const;
const COMPANION = { givenName: 'Darren', familyName: 'Colleymore' };
const PERSONAL = [
  ...PEOPLE.flat(),
  ...Object.values(COMPANION),
  'Kent County Council',
  'KENT-CAD-7731',
  'phone number',
  'promised work',
  '1994',
  'Priya Ramanathan',
  'Vietnam',
  'Vietnamese',
];

describe('safeguarding-referral report: safeguarding referrals in a month', () => {
  let app: TestApp;
  let officer: Auth;
  let manager: Auth;
  const cases: Record<string, { id: string; version: number; businessKey: string }> = {};

  const submit = async (name: string, answers: Record<string, unknown>) => {
    cases[name] = await submitCase(app, officer, 'safeguarding-referral', answers, name);
  };

  const act = async (name: string, action: string, answers: Record<string, unknown>, state: string) => {
    const done = await apiCall(app, 'POST', `/api/cases/${cases[name]!.id}/actions/${action}`, manager, {
      version: cases[name]!.version,
      answers,
    });
    expect([name, done.status, done.body?.state]).toEqual([name, 200, state]);
  };

  /** Downloads the PDF at `path` as the manager and returns it with its text. */
  const download = (path: string, name: string) => downloadReportPdf(app, manager, path, join(OUT, `${name}.pdf`));

  /** Runs the report as a job as the manager, waits for it and downloads the PDF. */
  const runReport = (parameters: Record<string, string>, name: string) =>
    runReportPdf(app, manager, REPORT, parameters, join(OUT, `${name}.pdf`));

  beforeAll(async () => {
    app = await startTestApp({ env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });
    [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);
    const [p1, p2, p3, p4, p5, p6, p7] = PEOPLE.map(([givenName, familyName]) => ({ givenName, familyName }));

    // October 2026 in the manager's South East and Europe Command, all referred in November
    // (today). UK time: BST until 25 October, so 1 Oct 00:30 is 30 Sep 23:30 UTC (in) and
    // 30 Sep 23:30 is 22:30 UTC (out); 31 Oct 23:30 is GMT (in).
    await submit(
      'r1',
      referral('2026-10-01T00:30', {
        team: T1,
        category: 'unaccompanied-child',
        indicators: ['age-in-doubt', 'unaware-of-destination'],
        personAge: 'age-in-doubt',
        actionsTaken: ['safe-place', 'childrens-services', 'police'],
        ...p1,
        companion: COMPANION,
      }),
    );
    await submit(
      'r2',
      referral('2026-10-04T10:00', {
        team: T1,
        category: 'modern-slavery',
        indicators: ['documents-held-by-others', 'travel-arranged-by-others', 'owes-debt'],
        personAge: 'adult',
        actionsTaken: ['nrm-referral', 'police', 'support-organisation'],
        ...p2,
      }),
    );
    await submit(
      'r3',
      referral('2026-10-09T15:00', {
        team: 'st-pancras-team',
        category: 'child-at-risk',
        indicators: ['appears-fearful', 'signs-of-neglect-or-injury'],
        personAge: 'child',
        actionsTaken: ['childrens-services', 'medical-help'],
        ...p3,
      }),
    );
    await submit(
      'r4',
      referral('2026-10-15T08:00', {
        team: T1,
        category: 'forced-marriage',
        indicators: ['appears-fearful', 'travel-arranged-by-others', 'documents-held-by-others'],
        personAge: 'adult',
        actionsTaken: ['police', 'safeguarding-lead', 'duty-to-notify'],
        ...p4,
      }),
    );
    await submit(
      'r5',
      referral('2026-10-20T19:45', {
        team: 'coquelles-tourist-team',
        category: 'domestic-abuse',
        indicators: ['appears-fearful', 'not-allowed-to-speak'],
        personAge: 'child',
        actionsTaken: ['childrens-services', 'police', 'safe-place'],
        ...p5,
      }),
    );
    await submit(
      'r6',
      referral('2026-10-31T23:30', {
        team: 'st-pancras-team',
        category: 'modern-slavery',
        indicators: ['owes-debt', 'other'],
        personAge: 'adult',
        actionsTaken: ['nrm-referral', 'support-organisation'],
        ...p6,
      }),
    );
    // Outside October (UK time) either side, and another command's team (Heathrow Command).
    const fgm = {
      team: T1,
      category: 'female-genital-mutilation',
      indicators: ['appears-fearful'],
      personAge: 'child' as const,
      actionsTaken: ['childrens-services', 'police'],
      ...p7,
    };
    await submit('september', referral('2026-09-30T23:30', fgm));
    await submit('november', referral('2026-11-01T00:15', fgm));
    await submit(
      'heathrow',
      referral('2026-10-12T12:00', {
        team: 'heathrow-t4-arrivals-team',
        category: 'adult-at-risk',
        indicators: ['account-appears-rehearsed'],
        personAge: 'adult',
        actionsTaken: ['duty-to-notify', 'safeguarding-lead'],
        ...p7,
      }),
    );

    // r1 handed over to children's services (referred) and r4 closed: both no longer open.
    await act(
      'r1',
      'record-referral',
      { agencies: ['childrens-services', 'police'], handover: 'Social worker Priya Ramanathan took over at 03:10.' },
      'referred',
    );
    await act(
      'r4',
      'close-no-further-action',
      { reason: 'She chose to travel with a friend instead.' },
      'closed-no-further-action',
    );
  });
  afterAll(async () => app?.close());

  it('is listed for managers with a month and a team, not for officers, and checks the month', async () => {
    await expectMonthReportParameters(app, {
      reportKey: REPORT,
      title: TITLE,
      manager,
      officer,
      month: '2026-10',
      otherCommandTeam: 'heathrow-t4-arrivals-team',
    });
  });

  it("October 2026: key figures, by port, concern and indicator, UK time, only the manager's command", async () => {
    const { file, text } = await runReport({ month: '2026-10' }, 'monthly-safeguarding');
    expectMonthReportHeading(text, { title: TITLE, month: 'October 2026', period: '01 Oct 2026 to 31 Oct 2026' });

    // Key figures: r1–r6, counts and % of referrals.
    expect(text).toMatch(/Referrals\s+6\n/);
    expect(text).toMatch(/Children \(under 18 or age in doubt\)\s+3 \(50\.0%\)/); // r1, r3, r5
    expect(text).toMatch(/Of them, age in doubt\s+1 \(16\.7%\)/); // r1
    expect(text).toMatch(/Adults\s+3 \(50\.0%\)/); // r2, r4, r6
    expect(text).toMatch(/Referred to children's services\s+3 \(50\.0%\)/); // r1, r3, r5
    expect(text).toMatch(/Referred to the NRM\s+2 \(33\.3%\)/); // r2, r6
    expect(text).toMatch(/Duty to Notify report sent\s+1 \(16\.7%\)/); // r4
    expect(text).toMatch(/Police told\s+4 \(66\.7%\)/); // r1, r2, r4, r5
    expect(text).toMatch(/Support organisation contacted\s+2 \(33\.3%\)/); // r2, r6
    expect(text).toMatch(/Still open\s+4 \(66\.7%\)/); // not r1 (referred) or r4 (closed)

    // By port: referrals, children, adults; busiest first.
    const ports = section(text, 'By port', 'By main concern');
    expect(rows(ports)).toEqual([
      'Port of Dover 3 1 2',
      'London St Pancras International 2 1 1',
      // A long name wraps in its column: its figures are on its first line.
      expect.stringMatching(/^Eurotunnel Le Shuttle terminal, Coquelles .* 1 1 0$/),
      'All ports 6 3 3',
    ]);

    // By main concern (one per referral, so a total): referrals, children, % of referrals.
    expect(rows(section(text, 'By main concern', 'What officers noticed'))).toEqual([
      'Modern slavery or human trafficking 2 0 33.3%',
      'Child at risk of harm 1 1 16.7%',
      expect.stringMatching(/^Child travelling alone or with an adult who is not .* 1 1 16\.7%$/),
      'Domestic abuse 1 1 16.7%',
      'Forced marriage 1 0 16.7%',
      'All concerns 6 3',
    ]);

    // What officers noticed (several per referral, so no total row).
    const noticed = section(text, 'What officers noticed', 'Handling:');
    expect(rows(noticed)).toEqual([
      'Appears fearful or anxious, especially of a companion 3 50.0%',
      'Says they owe money for their travel, job or accommodation 2 33.3%',
      'Someone else arranged or paid for their travel or job 2 33.3%',
      'Someone else holds their travel or identity documents 2 33.3%',
      'Does not know where they will live or work 1 16.7%',
      'Not allowed to speak for themselves 1 16.7%',
      'Signs of neglect or injury 1 16.7%',
      'Something else 1 16.7%',
      'Their age is in doubt 1 16.7%',
    ]);
    expect(noticed).not.toMatch(/Total|All /);

    // Nothing from September, November or Heathrow Command.
    expect(text).not.toMatch(/Heathrow|Female genital mutilation|Adult at risk|rehearsed/);
    // Counts only: no name, reference or detail from the referrals or their handover.
    expect(PERSONAL.filter((detail) => text.includes(detail))).toEqual([]);
    expect(Object.values(cases).filter((c) => text.includes(c.businessKey))).toEqual([]);

    const pages = (await pdfInfo(file)).Pages;
    expect(text).toContain(`Page 1 of ${pages}`);
    await pdfToPng(file, join(OUT, 'monthly-safeguarding'), { first: 1, last: 1, dpi: 60 });
  });

  it('one team of the month, straight into the response', async () => {
    const { text } = await download(`/api/reports/${REPORT}/pdf?month=2026-10&team=st-pancras-team`, 'st-pancras-team');
    expect(text).toMatch(/Team\s+St Pancras International Team/);
    expect(text).toMatch(/Referrals\s+2\n/);
    expect(text).toMatch(/Children \(under 18 or age in doubt\)\s+1 \(50\.0%\)/);
    expect(text).toMatch(/Of them, age in doubt\s+0 \(0\.0%\)/);
    expect(text).toMatch(/Adults\s+1 \(50\.0%\)/);
    expect(text).toMatch(/Referred to children's services\s+1 \(50\.0%\)/);
    expect(text).toMatch(/Police told\s+0 \(0\.0%\)/);
    expect(text).toMatch(/Still open\s+2 \(100\.0%\)/);
    expect(rows(section(text, 'By port', 'By main concern'))).toEqual([
      'London St Pancras International 2 1 1',
      'All ports 2 1 1',
    ]);
    expect(text).not.toMatch(/Port of Dover|Eurotunnel|Forced marriage/);
  });

  it('a month with nothing recorded says so instead of printing empty tables', async () => {
    const { file, text } = await runReport({ month: '2026-06' }, 'monthly-safeguarding-empty');
    expect(text).toMatch(/Month\s+June 2026/);
    expect(text).toMatch(/Referrals\s+0\n/);
    expect(text).toContain(
      'Nothing recorded: no safeguarding or modern slavery referrals were made about people met in this month.',
    );
    expect(text).not.toMatch(/By port|By main concern|What officers noticed|All ports|Still open/);
    expect((await pdfInfo(file)).Pages).toBe('1');
  });
});
