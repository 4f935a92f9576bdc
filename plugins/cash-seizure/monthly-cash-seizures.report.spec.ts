import { join } from 'node:path';
import { pdfInfo, pdfToPng } from '../../test/reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import {
  apiCall,
  expectMonthReportHeading,
  expectMonthReportParameters,
  runReportPdf,
  submitCase,
  type Auth,
} from '../../test/utils/reports.js';

const OUT = join(process.cwd(), 'test-output', 'cash-seizure-reports');
const REPORT = 'cash-seizure.monthly-cash-seizures';
const TITLE = 'Cash seized in a month';

interface Line {
  currency: string;
  otherCurrency?: string;
  amount: number;
  sterlingValue: number;
}

/** A valid cash detection (the start form's answers): seized and detained, or returned to the person. */
const detection = (
  detectedAt: string,
  port: string,
  team: string,
  decision: 'detained' | 'returned',
  amounts: Line[],
) => ({
  detectedAt,
  port,
  team,
  transportMode: port === 'st-pancras' ? 'rail-passenger' : port === 'felixstowe' ? 'container' : 'roro-tourist',
  detectionMethod: 'detector-dog',
  concealmentMethod: 'in-clothing',
  givenName: 'Alex',
  familyName: 'Example',
  dateOfBirth: '1980-01-01',
  nationality: 'NLD',
  amounts,
  reasons: ['not-declared'],
  reasonDetails: 'Cash dog indicated. Bundles of notes found in a jacket; the account of the cash did not add up.',
  detentionDecision: decision,
  ...(decision === 'detained'
    ? { sealedBagNumbers: 'BF0000001', noticeServed: true }
    : { returnReason: 'Bank withdrawal slips for the full amount were shown.' }),
});

const gbp = (amount: number): Line => ({ currency: 'cash-sterling', amount, sterlingValue: amount });
const T1 = 'dover-tourist-controls-team-1';
const T2 = 'dover-tourist-controls-team-2';
const ST_PANCRAS = 'st-pancras-team';

describe('cash-seizure report: cash seized in a month', () => {
  let app: TestApp;
  let officer: Auth;
  let freight: Auth;
  let manager: Auth;
  const cases: Record<string, { id: string; businessKey: string; state: string; version: number }> = {};

  const submit = async (auth: Auth, answers: Record<string, unknown>, name: string) => {
    cases[name] = await submitCase(app, auth, 'cash-seizure', answers, name);
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

    // June 2026 in the South East and Europe Command. UK time is BST all month: 1 June 00:30 is
    // 31 May 23:30 UTC (in), 31 May 23:30 is 22:30 UTC (out), 30 June 23:30 is 22:30 UTC (in).
    await submit(
      officer,
      detection('2026-06-01T00:30', 'dover', T1, 'detained', [
        { currency: 'cash-euro', amount: 28500, sterlingValue: 24367.5 },
        gbp(4000),
      ]),
      'c1',
    );
    await submit(officer, detection('2026-06-10T14:00', 'dover', T2, 'detained', [gbp(12000)]), 'c2');
    await submit(officer, detection('2026-06-15T09:00', 'dover', T1, 'returned', [gbp(2300)]), 'c3');
    await submit(
      officer,
      detection('2026-06-20T18:45', 'st-pancras', ST_PANCRAS, 'detained', [
        { currency: 'cash-euro', amount: 5000, sterlingValue: 4275.25 },
        { currency: 'cash-other-currency', otherCurrency: 'Turkish lira', amount: 150000, sterlingValue: 2925.6 },
      ]),
      'c4',
    );
    await submit(
      officer,
      detection('2026-06-30T23:30', 'st-pancras', ST_PANCRAS, 'returned', [
        { currency: 'cash-us-dollar', amount: 1500, sterlingValue: 1185.3 },
      ]),
      'c5',
    );
    await submit(
      officer,
      detection('2026-06-22T11:00', 'dover', T1, 'detained', [
        { currency: 'cash-us-dollar', amount: 10000, sterlingValue: 7905 },
      ]),
      'c6',
    );
    // Outside the month either side of the boundaries.
    await submit(officer, detection('2026-05-31T23:30', 'dover', T1, 'detained', [gbp(50000)]), 'may');
    await submit(officer, detection('2026-07-01T00:15', 'dover', T1, 'detained', [gbp(60000)]), 'july');
    // Another command (Central Command, Felixstowe): must not be counted.
    await submit(
      freight,
      detection('2026-06-12T10:00', 'felixstowe', 'felixstowe-freight-team-a', 'detained', [
        { currency: 'cash-euro', amount: 90000, sterlingValue: 76950 },
      ]),
      'felixstowe',
    );
    // The court continued the detention of c2's cash: the case moves on, and it is still counted
    // as seized in the month it was found.
    const order = await apiCall(app, 'POST', `/api/cases/${cases.c2!.id}/actions/record-detention-order`, manager, {
      version: cases.c2!.version,
      answers: { court: "Folkestone Magistrates' Court", orderDate: '2026-06-11', detainedUntil: '2026-09-11' },
    });
    expect([order.status, order.body?.state]).toEqual([200, 'detention-continued']);
  });
  afterAll(async () => app?.close());

  it('is listed for managers with a month and a team, not for officers, and checks the month', async () => {
    await expectMonthReportParameters(app, {
      reportKey: REPORT,
      title: TITLE,
      manager,
      officer,
      month: '2026-06',
      otherCommandTeam: 'felixstowe-freight-team-a',
    });
  });

  it('June 2026: key figures, by port and by currency, only this month and this command', async () => {
    const { file, text } = await runReport({ month: '2026-06' }, 'monthly-cash-seizures');
    expectMonthReportHeading(text, { title: TITLE, month: 'June 2026', period: '01 Jun 2026 to 30 Jun 2026' });
    // Key figures.
    expect(text).toMatch(/Cash detections\s+6\n/);
    expect(text).toMatch(/Seized and detained\s+4 \(66\.7%\)/);
    expect(text).toMatch(/Returned to the person\s+2 \(33\.3%\)/);
    expect(text).toMatch(/Total found \(sterling equivalent\)\s+£58,958\.65/);
    expect(text).toMatch(/Total seized \(sterling equivalent\)\s+£55,473\.35/);
    expect(text).toMatch(/Total returned \(sterling equivalent\)\s+£3,485\.30/);
    // By port: detections, seized, returned, sterling seized; busiest first.
    expect(text).toMatch(/Port\s+Detections\s+Seized\s+Returned\s+Sterling seized \(£\)/);
    expect(text).toMatch(/Port of Dover\s+4\s+3\s+1\s+48,272\.50\n/);
    expect(text).toMatch(/London St Pancras International\s+2\s+1\s+1\s+7,200\.85\n/);
    expect(text).toMatch(/All ports\s+6\s+4\s+2\s+55,473\.35\n/);
    expect(text.indexOf('Port of Dover')).toBeLessThan(text.indexOf('London St Pancras International'));
    // Seized cash by currency: seizures, amount with its currency, sterling equivalent; largest first.
    expect(text).toMatch(/Currency\s+Seizures\s+Amount seized\s+Sterling equivalent \(£\)/);
    expect(text).toMatch(/Euro\s+2\s+33,500\.00 EUR\s+28,642\.75\n/);
    expect(text).toMatch(/Sterling\s+2\s+16,000\.00 GBP\s+16,000\.00\n/);
    expect(text).toMatch(/US dollar\s+1\s+10,000\.00 USD\s+7,905\.00\n/);
    expect(text).toMatch(/Turkish lira \(other currency\)\s+1\s+150,000\.00 Turkish lira\s+2,925\.60\n/);
    expect(text).toMatch(/All currencies\s+55,473\.35\n/);
    expect(text).toMatch(/\n\s*Euro\s[^\n]*\n\s*Sterling\s[^\n]*\n\s*US dollar\s[^\n]*\n\s*Turkish lira /);
    // Nothing from May, July or the other command; returned dollars are not seized dollars.
    expect(text).not.toMatch(/Felixstowe|90,000|76,950|[^\d,]50,000|[^\d,]60,000/);
    expect(text).not.toContain('1,500.00 USD');
    expect(text).not.toContain('No cash detections were recorded');
    expect(text).toContain(`Page 1 of ${(await pdfInfo(file)).Pages}`);
    await pdfToPng(file, join(OUT, 'monthly-cash-seizures'), { first: 1, last: 1, dpi: 60 });
  });

  it('one team of the month counts only that team', async () => {
    const { text } = await runReport({ month: '2026-06', team: T2 }, 'monthly-cash-seizures-team-2');
    expect(text).toMatch(/Team\s+Dover Tourist Controls Team 2/);
    expect(text).toMatch(/Cash detections\s+1\n/);
    expect(text).toMatch(/Seized and detained\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Returned to the person\s+0 \(0\.0%\)/);
    expect(text).toMatch(/Total seized \(sterling equivalent\)\s+£12,000\.00/);
    expect(text).toMatch(/Port of Dover\s+1\s+1\s+0\s+12,000\.00\n/);
    expect(text).toMatch(/All ports\s+1\s+1\s+0\s+12,000\.00\n/);
    expect(text).toMatch(/Sterling\s+1\s+12,000\.00 GBP\s+12,000\.00\n/);
    expect(text).not.toMatch(/St Pancras|EUR|USD/);
  });

  it('a month with nothing recorded says so instead of printing empty tables', async () => {
    const { file, text } = await runReport({ month: '2026-02' }, 'monthly-cash-seizures-empty');
    expect(text).toMatch(/Month\s+February 2026/);
    expect(text).toMatch(/Period\s+01 Feb 2026 to 28 Feb 2026/);
    expect(text).toMatch(/Cash detections\s+0\n/);
    expect(text).toMatch(/Seized and detained\s+0 \(–\)/);
    expect(text).toMatch(/Total found \(sterling equivalent\)\s+£0\.00/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'No cash detections were recorded in this month: no cash was found, seized or returned.',
    );
    expect(text).not.toMatch(/By port|All ports|Cash seized by currency|All currencies/);
    await pdfToPng(file, join(OUT, 'monthly-cash-seizures-empty'), { first: 1, last: 1, dpi: 60 });
  });

  it('counts an other currency once whatever its case or spaces, each seizure once (March 2026)', async () => {
    const lira = (otherCurrency: string, amount: number, sterlingValue: number): Line => ({
      currency: 'cash-other-currency',
      otherCurrency,
      amount,
      sterlingValue,
    });
    await submit(
      officer,
      detection('2026-03-03T10:00', 'dover', T1, 'detained', [lira('Turkish lira', 100000, 1950.4)]),
      'lira-1',
    );
    await submit(
      officer,
      detection('2026-03-09T16:20', 'dover', T1, 'detained', [lira('TURKISH LIRA ', 50000, 975.2), gbp(1000)]),
      'lira-2',
    );
    const { text } = await runReport({ month: '2026-03' }, 'monthly-cash-seizures-other-currency');
    expect(text).toMatch(/Turkish lira \(other currency\)\s+2\s+150,000\.00 Turkish lira\s+2,925\.60\n/i);
    expect(text).toMatch(/Sterling\s+1\s+1,000\.00 GBP\s+1,000\.00\n/);
    expect(text).toMatch(/All currencies\s+3,925\.60\n/);
  });
});
