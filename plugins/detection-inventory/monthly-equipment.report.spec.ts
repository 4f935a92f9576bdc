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

const OUT = join(process.cwd(), 'test-output', 'detection-inventory');
const REPORT = 'detection-inventory.monthly-equipment';
const TITLE = 'Detection equipment in a month';

interface Line {
  equipmentType: string;
  workingUnits: number;
  faultyUnits: number;
  trainedStaff: number;
  faultReported?: boolean;
}

/** A valid count (the start form's answers); with a contract unless told. */
const count = (countDate: string, port: string, team: string, equipment: Line[], contract = true) => ({
  port,
  team,
  countDate,
  equipment,
  maintenanceContract: contract,
  ...(contract ? { maintenanceProvider: 'Medway Detection Services Ltd', contractEndDate: '2027-03-31' } : {}),
});

describe('detection-inventory report: detection equipment in a month', () => {
  let app: TestApp;
  let manager: Auth;
  let officer: Auth;
  const keys: Record<string, string> = {};

  const submit = async (auth: Auth, name: string, answers: Record<string, unknown>) => {
    const created = await submitCase(app, auth, 'detection-inventory', answers, name);
    keys[name] = created.businessKey;
    return created.id as string;
  };
  const act = async (caseId: string, action: string, version: number, answers: Record<string, unknown>) => {
    const taken = await apiCall(app, 'POST', `/api/cases/${caseId}/actions/${action}`, manager, { version, answers });
    expect([action, taken.status, taken.body?.errors]).toEqual([action, 200, undefined]);
  };
  const runReport = (parameters: Record<string, string>, name: string) =>
    runReportPdf(app, manager, REPORT, parameters, join(OUT, `${name}.pdf`));

  beforeAll(async () => {
    app = await startTestApp({ env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });
    const freight = await signIn(app, 'freight');
    [manager, officer] = await Promise.all([signIn(app, 'manager'), signIn(app, 'officer')]);

    // October 2026 in the South East and Europe Command. A count is dated from midnight UK time
    // on its day: 1 October (BST) starts at 30 September 23:00 UTC, so it is in; 30 September
    // and 1 November are out.
    const c1 = await submit(
      manager,
      'c1',
      count('2026-10-01', 'dover', 'dover-freight-team-a', [
        { equipmentType: 'x-ray-freight-scanner', workingUnits: 2, faultyUnits: 0, trainedStaff: 14 },
        { equipmentType: 'co2-probe', workingUnits: 5, faultyUnits: 1, trainedStaff: 9, faultReported: false },
      ]),
    );
    await submit(
      manager,
      'c2',
      count('2026-10-12', 'dover', 'dover-tourist-controls-team-1', [
        {
          equipmentType: 'ion-mobility-spectrometer',
          workingUnits: 3,
          faultyUnits: 1,
          trainedStaff: 14,
          faultReported: true,
        },
        { equipmentType: 'x-ray-baggage-scanner', workingUnits: 2, faultyUnits: 0, trainedStaff: 18 },
      ]),
    );
    const c3 = await submit(
      manager,
      'c3',
      count(
        '2026-10-20',
        'st-pancras',
        'st-pancras-team',
        [
          { equipmentType: 'x-ray-baggage-scanner', workingUnits: 4, faultyUnits: 0, trainedStaff: 20 },
          { equipmentType: 'passive-millimetre-wave', workingUnits: 2, faultyUnits: 0, trainedStaff: 8 },
        ],
        false,
      ),
    );
    const c4 = await submit(
      manager,
      'c4',
      count('2026-10-31', 'dover', 'dover-tourist-controls-team-2', [
        { equipmentType: 'ion-mobility-spectrometer', workingUnits: 2, faultyUnits: 0, trainedStaff: 10 },
        { equipmentType: 'fibrescope', workingUnits: 1, faultyUnits: 2, trainedStaff: 6, faultReported: false },
      ]),
    );
    // c1's probe repaired, c3 confirmed, c4's repair requested; c2 waits for a repair request.
    await act(c1, 'request-repair', 1, { callReference: 'MDS-44120' });
    await act(c1, 'confirm-repair', 2, { result: 'repaired', backInUse: '2026-11-03' });
    await act(c3, 'confirm-count', 1, {});
    await act(c4, 'request-repair', 1, { callReference: 'MDS-44188' });

    // Either side of the month, and another command (Central Command, Felixstowe) within it.
    await submit(
      officer,
      'september',
      count('2026-09-30', 'dover', 'dover-tourist-controls-team-1', [
        { equipmentType: 'heartbeat-detector', workingUnits: 1, faultyUnits: 1, trainedStaff: 3, faultReported: true },
      ]),
    );
    await submit(
      officer,
      'november',
      count('2026-11-01', 'dover', 'dover-tourist-controls-team-1', [
        { equipmentType: 'handheld-metal-detector', workingUnits: 6, faultyUnits: 0, trainedStaff: 22 },
      ]),
    );
    await submit(
      freight,
      'felixstowe',
      count('2026-10-15', 'felixstowe', 'felixstowe-freight-team-a', [
        { equipmentType: 'density-meter', workingUnits: 2, faultyUnits: 3, trainedStaff: 5, faultReported: true },
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
      month: '2026-10',
      otherCommandTeam: 'felixstowe-freight-team-a',
    });
  });

  it("October 2026: key figures, by equipment type and port, repairs and every count, only the manager's command", async () => {
    const { file, text } = await runReport({ month: '2026-10' }, 'monthly-equipment');
    expectMonthReportHeading(text, { title: TITLE, month: 'October 2026', period: '01 Oct 2026 to 31 Oct 2026' });
    // c1–c4: 21 working and 4 faulty units of 25.
    expect(text).toMatch(/Equipment counts\s+4\n/);
    expect(text).toMatch(/Counts with faulty equipment\s+3 \(75\.0%\)/); // c1, c2, c4
    expect(text).toMatch(/Working units\s+21\n/);
    expect(text).toMatch(/Faulty units\s+4 \(16\.0% of units\)/);
    expect(text).toMatch(/Faults not yet reported\s+2\n/); // c1's probe, c4's fibrescope
    expect(text).toMatch(/No maintenance contract\s+1\n/); // c3
    expect(text).toMatch(/Repairs still open\s+2\n/); // c2 not requested, c4 requested

    // By equipment type: most working units first, then by name; counts listing it, units, trained staff.
    const byType = section(text, 'By equipment type', 'By port');
    expect(tableRows(byType, /\d+ \d+ \d+ \d+\.\d% \d+$/)).toEqual([
      'X-ray scanner: baggage and parcels 2 6 0 0.0% 38',
      'CO2 probe 1 5 1 16.7% 9',
      'Trace detection (ion mobility spectrometer) 2 5 1 16.7% 24',
      'Passive millimetre-wave body scanner 1 2 0 0.0% 8',
      'X-ray scanner: fixed freight or vehicle 1 2 0 0.0% 14',
      'Fibrescope or endoscope 1 1 2 66.7% 6',
    ]);
    expect(byType).toMatch(/All equipment\s+21\s+4\s+99\n/);

    // By port: counts, with faults, working, faulty.
    const byPort = section(text, 'By port', 'Repairs of faulty equipment');
    expect(tableRows(byPort, /\d+ \d+ \d+ \d+$/)).toEqual([
      'Port of Dover 3 3 15 4',
      'London St Pancras International 1 0 6 0',
      'All ports 4 3 21 4',
    ]);

    // Repairs of this month's faulty counts, in the order a repair goes.
    const repairs = section(text, 'Repairs of faulty equipment', 'Every count');
    expect(tableRows(repairs, / \d+$/, /Page \d+ of \d+$/)).toEqual([
      'Faulty equipment: repair not yet requested 1',
      'Repair requested 1',
      'Repaired and back in use 1',
      'Counts with faulty equipment 3',
    ]);

    // Every count, oldest first.
    const list = tableRows(text.slice(text.indexOf('Oldest first.')), /^\d\d \w{3} 2026 BF-/);
    expect(list.map((line) => line.split(' ').slice(0, 4).join(' '))).toEqual([
      `01 Oct 2026 ${keys.c1}`,
      `12 Oct 2026 ${keys.c2}`,
      `20 Oct 2026 ${keys.c3}`,
      `31 Oct 2026 ${keys.c4}`,
    ]);
    // Working and faulty units, and the state each count is in now (a long state wraps).
    expect(list.map((line) => / (\d+ \d+ [A-Z][a-z ]+:?)$/.exec(line)?.[1])).toEqual([
      '7 1 Count confirmed',
      '5 1 Faulty equipment:',
      '6 0 Count confirmed',
      '3 2 Repair requested',
    ]);

    // Nothing from September, November or the other command.
    expect(text).not.toMatch(/Felixstowe|Density meter|Heartbeat detector|Handheld metal detector/);
    for (const name of ['september', 'november', 'felixstowe']) expect(text).not.toContain(keys[name]);
    const pages = (await pdfInfo(file)).Pages;
    expect(text).toContain(`Page 1 of ${pages}`);
    await pdfToPng(file, join(OUT, 'monthly-equipment'), { first: 1, last: 1, dpi: 60 });
  });

  it('one team of the command: only that team’s counts', async () => {
    const { text } = await runReport({ month: '2026-10', team: 'dover-tourist-controls-team-2' }, 'team-2');
    expect(text).toMatch(/Team\s+Dover Tourist Controls Team 2/);
    expect(text).toMatch(/Equipment counts\s+1\n/);
    expect(text).toMatch(/Counts with faulty equipment\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Working units\s+3\n/);
    expect(text).toMatch(/Faulty units\s+2 \(40\.0% of units\)/);
    expect(text).toMatch(/Faults not yet reported\s+1\n/);
    expect(text).toMatch(/No maintenance contract\s+0\n/);
    expect(text).toMatch(/Repairs still open\s+1\n/);
    expect(tableRows(section(text, 'By port', 'Repairs of faulty equipment'), /\d+ \d+ \d+ \d+$/)).toEqual([
      'Port of Dover 1 1 3 2',
      'All ports 1 1 3 2',
    ]);
    expect(text).not.toMatch(/St Pancras|CO2 probe|X-ray scanner/);
  });

  it('a month with nothing recorded says so instead of printing empty tables', async () => {
    const { file, text } = await runReport({ month: '2026-06' }, 'empty-month');
    expect(text).toMatch(/Month\s+June 2026/);
    expect(text).toMatch(/Equipment counts\s+0\n/);
    expect(text).toContain('No detection equipment counts were recorded in this month.');
    expect(text).not.toMatch(/Working units|By equipment type|By port|Repairs of faulty equipment|Every count/);
    expect((await pdfInfo(file)).Pages).toBe('1');
  });
});
