import { join } from 'node:path';
import { pdfInfo, pdfToPng } from '../../test/reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import {
  downloadReportPdf,
  expectMonthReportHeading,
  expectMonthReportParameters,
  runReportPdf,
  submitCase,
  type Auth,
} from '../../test/utils/reports.js';

const OUT = join(process.cwd(), 'test-output', 'refusal-of-entry');
const REPORT = 'refusal-of-entry.monthly-refusals';
const TITLE = 'Refusals of entry in a month';

const REFUSED = ['refused-removal', 'refused-detained'];
const TEAM_PORT: Record<string, { port: string; transportMode: string }> = {
  'dover-tourist-controls-team-1': { port: 'dover', transportMode: 'roro-tourist' },
  'dover-tourist-controls-team-2': { port: 'dover', transportMode: 'roro-tourist' },
  'st-pancras-team': { port: 'st-pancras', transportMode: 'rail-passenger' },
  'coquelles-tourist-team': { port: 'coquelles-juxtaposed', transportMode: 'roro-tourist' },
  'heathrow-t5-arrivals-red-team': { port: 'heathrow', transportMode: 'air-passenger' },
};

/** `2026-03-01T00:30` minus some minutes, as a local date-time answer (wall-clock arithmetic). */
const before = (at: string, minutes: number) =>
  new Date(Date.parse(`${at}:00Z`) - minutes * 60_000).toISOString().slice(0, 16);

/** A valid IS81 record (the start form's answers) decided at `decisionAt`, UK time. */
const examination = (
  decisionAt: string,
  team: string,
  nationality: string,
  outcome: string,
  riskFactors: string[],
  powerUsed = 'examination',
) => ({
  givenName: 'Alex',
  familyName: 'Example',
  dateOfBirth: '1990-01-01',
  nationality,
  sex: 'male',
  documentType: 'passport',
  documentNumber: 'AB123456',
  issuingCountry: nationality,
  documentConcern: false,
  ...TEAM_PORT[team]!,
  ...(TEAM_PORT[team]!.transportMode === 'air-passenger' ? { flightNumber: 'BA0248' } : {}),
  arrivedAt: before(decisionAt, 240),
  team,
  riskFactors,
  examinationSummary: 'Examined at the primary control and held for further examination.',
  powerUsed,
  is81ServedAt: before(decisionAt, 180),
  interpreterUsed: false,
  outcome,
  decisionAt,
  ...(REFUSED.includes(outcome)
    ? { refusalReasons: 'I am not satisfied that you are a genuine visitor.', authorisingOfficer: 'HO Sam Patel' }
    : {}),
  ...(outcome === 'immigration-bail' ? { bailReportingDate: before(decisionAt, -7 * 24 * 60).slice(0, 10) } : {}),
});

describe('refusal-of-entry report: refusals of entry in a month', () => {
  let app: TestApp;
  let officer: Auth;
  let manager: Auth;
  const keys: Record<string, string> = {};

  const submit = async (name: string, answers: Record<string, unknown>) => {
    keys[name] = (await submitCase(app, officer, 'refusal-of-entry', answers, name)).businessKey as string;
  };

  /** Downloads the PDF at `path` as the manager and returns it with its text. */
  const download = (path: string, name: string) => downloadReportPdf(app, manager, path, join(OUT, `${name}.pdf`));

  /** Runs the report as a job, waits for it and downloads the PDF. */
  const runReport = (parameters: Record<string, string>, name: string) =>
    runReportPdf(app, manager, REPORT, parameters, join(OUT, `${name}.pdf`));

  beforeAll(async () => {
    app = await startTestApp({ env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });
    [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);

    // March 2026 in the manager's South East and Europe Command. UK time: GMT until 29 March,
    // BST after, so 31 Mar 23:30 is 22:30 UTC (in) and 1 Apr 00:30 is 31 Mar 23:30 UTC (out).
    const t1 = 'dover-tourist-controls-team-1';
    const t2 = 'dover-tourist-controls-team-2';
    await submit(
      'm1',
      examination(
        '2026-03-01T00:30',
        t1,
        'ALB',
        'refused-detained',
        ['document-concern', 'deception'],
        'detention-pending-examination',
      ),
    );
    await submit(
      'm2',
      examination('2026-03-05T14:00', t1, 'ALB', 'refused-removal', ['purpose-not-credible', 'intends-to-work']),
    );
    await submit('m3', examination('2026-03-09T10:00', t2, 'BRA', 'leave-granted', ['insufficient-funds']));
    await submit(
      'm4',
      examination('2026-03-12T16:00', 'st-pancras-team', 'BRA', 'refused-removal', ['purpose-not-credible']),
    );
    await submit(
      'm5',
      examination(
        '2026-03-18T09:00',
        'st-pancras-team',
        'NGA',
        'immigration-bail',
        ['previous-breach'],
        'detention-pending-examination',
      ),
    );
    await submit(
      'm6',
      examination('2026-03-22T11:00', 'coquelles-tourist-team', 'GEO', 'asylum-claim', ['no-entry-clearance']),
    );
    await submit(
      'm7',
      examination(
        '2026-03-27T13:00',
        t1,
        'IND',
        'refused-detained',
        ['previous-refusal', 'deception'],
        'detention-pending-removal',
      ),
    );
    await submit('m8', examination('2026-03-31T23:30', t2, 'IND', 'withdrew', ['purpose-not-credible']));
    // Outside March (UK time) either side, and another command's team (Heathrow Command).
    await submit('february', examination('2026-02-28T23:30', t1, 'ALB', 'refused-removal', ['deception']));
    await submit('april', examination('2026-04-01T00:30', t1, 'ALB', 'refused-removal', ['deception']));
    await submit(
      'heathrow',
      examination('2026-03-15T12:00', 'heathrow-t5-arrivals-red-team', 'VNM', 'refused-removal', ['deception']),
    );

    // January 2026: 17 nationalities. Vietnam 3 refusals, twelve with one refusal each, four with none.
    await submit('j-vnm-1', examination('2026-01-05T10:00', t1, 'VNM', 'refused-removal', ['deception']));
    await submit('j-vnm-2', examination('2026-01-06T10:00', t1, 'VNM', 'refused-removal', ['deception']));
    await submit('j-vnm-3', examination('2026-01-07T10:00', t1, 'VNM', 'refused-detained', ['deception']));
    const refusedOnce = ['ALB', 'BRA', 'CHN', 'COL', 'EGY', 'GEO', 'GHA', 'IND', 'IRQ', 'JAM', 'PAK', 'LKA'];
    for (const [i, nationality] of refusedOnce.entries())
      await submit(
        `j-${nationality}`,
        examination(`2026-01-${String(10 + i).padStart(2, '0')}T10:00`, t1, nationality, 'refused-removal', [
          'deception',
        ]),
      );
    for (const [i, nationality] of ['SOM', 'TUR', 'NGA', 'AFG'].entries())
      await submit(
        `j-${nationality}`,
        examination(`2026-01-${String(25 + i).padStart(2, '0')}T10:00`, t2, nationality, 'leave-granted', [
          'insufficient-funds',
        ]),
      );
  });
  afterAll(async () => app?.close());

  it('is listed for managers with a month and a team, and checks its parameters', async () => {
    await expectMonthReportParameters(app, {
      reportKey: REPORT,
      title: TITLE,
      manager,
      officer,
      month: '2026-03',
      otherCommandTeam: 'heathrow-t5-arrivals-red-team',
    });
  });

  it('March 2026: outcomes, by port, by nationality and by reason, UK time, only this command', async () => {
    const { file, text } = await runReport({ month: '2026-03' }, 'monthly-refusals');
    expectMonthReportHeading(text, { title: TITLE, month: 'March 2026', period: '01 Mar 2026 to 31 Mar 2026' });
    expect(text).toMatch(/Passengers examined\s+8\n/);
    expect(text).toMatch(/Refused entry\s+4 \(50\.0%\)/);
    expect(text).toMatch(/Granted leave to enter\s+1 \(12\.5%\)/);
    expect(text).toMatch(/Granted immigration bail\s+1 \(12\.5%\)/);
    expect(text).toMatch(/Claimed asylum\s+1 \(12\.5%\)/);
    expect(text).toMatch(/Withdrew and left the UK\s+1 \(12\.5%\)/);
    expect(text).toMatch(/Detained\s+3 \(37\.5%\)/); // m1, m5 (held under para 16), m7

    // By port: examined, refused, leave to enter, immigration bail, other outcomes; busiest first.
    expect(text).toMatch(/Port of Dover\s+5\s+3\s+1\s+0\s+1\n/);
    expect(text).toMatch(/London St Pancras International\s+2\s+1\s+0\s+1\s+0\n/);
    expect(text).toMatch(/Eurotunnel Le Shuttle terminal,[^\n]*?\s1\s+0\s+0\s+0\s+1\n/);
    expect(text).toMatch(/All ports\s+8\s+4\s+1\s+1\s+2\n/);
    expect(text.indexOf('Port of Dover')).toBeLessThan(text.indexOf('London St Pancras'));

    // By nationality: most refusals first, then most examined, then by name.
    expect(text).toMatch(
      /Albania\s+2\s+2\s+100\.0%\n\s*Brazil\s+2\s+1\s+50\.0%\n\s*India\s+2\s+1\s+50\.0%\n\s*Georgia\s+1\s+0\s+0\.0%\n\s*Nigeria\s+1\s+0\s+0\.0%\n\s*All nationalities\s+8\s+4\n/,
    );
    expect(text).not.toContain('Other nationalities');

    // By reason held (a passenger can have several reasons).
    expect(text).toMatch(/Stated purpose of the visit is not credible\s+3\s+2\n/);
    expect(text).toMatch(/Suspected deception, such as false statements\s+2\s+2\n/);
    expect(text).toMatch(/Doubts about the travel document\s+1\s+1\n/);
    expect(text).toMatch(/Intends to work without permission\s+1\s+1\n/);
    expect(text).toMatch(/Previously refused entry or removed from the UK\s+1\s+1\n/);
    expect(text).toMatch(/Cannot show enough money for the stay\s+1\s+0\n/);
    expect(text).toMatch(/No visa or entry clearance where one is needed\s+1\s+0\n/);
    expect(text).toMatch(/Previous breach of immigration conditions\s+1\s+0\n/);
    expect(text.indexOf('Stated purpose of the visit')).toBeLessThan(text.indexOf('Suspected deception'));
    expect(text.indexOf('Previously refused entry')).toBeLessThan(text.indexOf('Cannot show enough money'));

    // Heathrow Command's case is not counted; no one from outside the month either.
    expect(text).not.toMatch(/Heathrow|Vietnam/);
    const pages = (await pdfInfo(file)).Pages;
    expect(text).toContain(`Page 1 of ${pages}`);
    await pdfToPng(file, join(OUT, 'monthly-refusals'), { first: 1, last: 1, dpi: 60 });
  });

  it('one team of the month, straight into the response', async () => {
    const { text } = await download(
      `/api/reports/${REPORT}/pdf?month=2026-03&team=dover-tourist-controls-team-2`,
      'team-2',
    );
    expect(text).toMatch(/Team\s+Dover Tourist Controls Team 2/);
    expect(text).toMatch(/Passengers examined\s+2\n/);
    expect(text).toMatch(/Refused entry\s+0 \(0\.0%\)/);
    expect(text).toMatch(/Granted leave to enter\s+1 \(50\.0%\)/);
    expect(text).toMatch(/Withdrew and left the UK\s+1 \(50\.0%\)/);
    expect(text).toMatch(/Detained\s+0 \(0\.0%\)/);
    expect(text).toMatch(/All ports\s+2\s+0\s+1\s+0\s+1\n/);
    expect(text).toMatch(/Brazil\s+1\s+0\s+0\.0%\n\s*India\s+1\s+0\s+0\.0%\n\s*All nationalities\s+2\s+0\n/);
    expect(text).not.toMatch(/Albania|St Pancras|Eurotunnel/);
  });

  it('January 2026: the 15 nationalities with most refusals, the rest on one row', async () => {
    const { text } = await runReport({ month: '2026-01' }, 'monthly-refusals-january');
    expect(text).toMatch(/Passengers examined\s+19\n/);
    expect(text).toMatch(/Refused entry\s+15 \(78\.9%\)/);
    expect(text).toMatch(/Granted leave to enter\s+4 \(21\.1%\)/);
    expect(text).toMatch(/Detained\s+1 \(5\.3%\)/);
    expect(text).toMatch(
      /The 15 nationalities with the most refusals\. The other 2 are added up under Other\s+nationalities\./,
    );
    const once = ['Albania', 'Brazil', 'China', 'Colombia', 'Egypt', 'Georgia', 'Ghana', 'India', 'Iraq', 'Jamaica'];
    const rows = [
      'Vietnam\\s+3\\s+3\\s+100\\.0%',
      ...[...once, 'Pakistan', 'Sri Lanka'].map((n) => `${n}\\s+1\\s+1\\s+100\\.0%`),
      'Afghanistan\\s+1\\s+0\\s+0\\.0%',
      'Nigeria\\s+1\\s+0\\s+0\\.0%',
      'Other nationalities\\s+2\\s+0\\s+0\\.0%',
      'All nationalities\\s+19\\s+15',
    ];
    // In this order (the table may continue on the next page under its repeated header).
    let at = 0;
    for (const row of rows) {
      const found = new RegExp(`\\n\\s*${row}\\n`).exec(text.slice(at));
      expect([row, found !== null]).toEqual([row, true]);
      at += found!.index + 1;
    }
    expect(text).not.toMatch(/Somalia|Türkiye/);
  });

  it('a month with nothing recorded says so instead of printing empty tables', async () => {
    const { file, text } = await runReport({ month: '2026-05' }, 'monthly-refusals-empty');
    expect(text).toMatch(/Month\s+May 2026/);
    expect(text).toMatch(/Passengers examined\s+0\n/);
    expect(text).toContain(
      'Nothing recorded: no passengers held for further examination had a decision made in this month.',
    );
    expect(text).not.toMatch(/By port|By nationality|All ports|Refused entry/);
    expect((await pdfInfo(file)).Pages).toBe('1');
  });
});
