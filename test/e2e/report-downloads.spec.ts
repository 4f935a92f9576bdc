import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pdfText } from '../reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall, submitCase, tableRows, type Auth } from '../utils/reports.js';

const OUT = join(process.cwd(), 'test-output', 'report-downloads');
const EVENTS = 'event-at-border.monthly-events';
const DEBRIEF = 'hot-debrief.debriefs-by-category';
const MARKING = 'OFFICIAL-SENSITIVE';

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
  summary: 'Car selected and examined.',
});

const debrief = (overrides: Record<string, unknown> = {}) => ({
  category: 'safety',
  occurredAt: '2026-11-10T09:15',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: false,
  ...overrides,
});

/** A CSV file's records (RFC 4180 quoting), byte order mark dropped. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && source[i + 1] === '\n') {
      record.push(field);
      records.push(record.length === 1 && record[0] === '' ? [] : record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** The CSV's tables by title: header then rows (every section after a blank line is a title, a header and rows). */
function csvTables(records: string[][]): Map<string, string[][]> {
  const tables = new Map<string, string[][]>();
  for (let i = 0; i < records.length; i++) {
    if (records[i]!.length === 0 && records[i + 1]?.length === 1 && records[i + 2]) {
      const title = records[i + 1]![0]!;
      const rows: string[][] = [];
      for (i += 2; i < records.length && records[i]!.length > 0; i++) rows.push(records[i]!);
      tables.set(title, rows);
      i--;
    }
  }
  return tables;
}

/** Each worksheet's rows as plain values (row 1 the marking). */
async function xlsxSheets(buffer: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** How the PDF prints a cell of a numeric column. */
const printed = (cell: unknown) =>
  typeof cell === 'number'
    ? cell.toLocaleString('en-GB')
    : /^-?\d+(\.\d+)?$/.test(String(cell))
      ? Number(cell).toLocaleString('en-GB')
      : String(cell);

/**
 * Whether the PDF prints the row: a line with its first cell (or the first cell's start, when it
 * wraps) followed by every other cell as the PDF formats it.
 */
const pdfHasRow = (lines: string[], row: string[]) => {
  const rest = row.slice(1).map(printed).join(' ');
  return lines.some((line) => {
    if (!line.endsWith(rest)) return false;
    const label = line.slice(0, line.length - rest.length).trim();
    return label === row[0] || (label.length > 8 && row[0]!.startsWith(label));
  });
};

describe('report downloads: CSV and XLSX from the same queries and layout as the PDF', () => {
  let app: TestApp;
  let officer: Auth;
  let freight: Auth;
  let manager: Auth;
  let heathrowManager: Auth;
  let admin: Auth;

  const get = async (path: string, auth: Auth, name?: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: auth });
    const buffer = Buffer.from(await response.arrayBuffer());
    if (name && response.status === 200) await writeFile(join(OUT, name), buffer);
    return { status: response.status, headers: response.headers, buffer };
  };

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    app = await startTestApp({ env: { SECURITY_MARKING: MARKING } });
    await app.sql(`INSERT INTO core.app_user (username, display_name, password_hash, roles, team_id, grade)
      SELECT 'manager-lhr', 'Harriet Heathrow', password_hash, roles, 'heathrow-t2-arrivals-red-team', 'HEO' FROM core.app_user WHERE username = 'manager'`);
    [officer, freight, manager, heathrowManager, admin] = await Promise.all(
      ['officer', 'freight', 'manager', 'manager-lhr', 'admin'].map((u) => signIn(app, u)),
    );
    // A port whose name a spreadsheet would run as a formula, added by an admin at runtime.
    const port = await apiCall(app, 'POST', '/api/reference/ports/rows', admin, {
      id: 'formula-port',
      label: '=HYPERLINK("http://example.invalid","Dover")',
    });
    expect([port.status, port.body?.errors]).toEqual([201, undefined]);

    const ev = 'event-at-border';
    const seized = [{ item: 'cocaine', quantity: 12.5, unit: 'kg' }];
    await submitCase(app, officer, ev, event('2026-10-01T00:30', 'dover', 'seizure', seized), 'e1');
    await submitCase(app, officer, ev, event('2026-10-05T14:00', 'dover', 'negative'), 'e2');
    await submitCase(app, officer, ev, event('2026-10-12T09:15', 'dover', 'negative'), 'e3');
    await submitCase(app, officer, ev, event('2026-10-20T22:00', 'folkestone-eurotunnel', 'no-show'), 'e4');
    await submitCase(app, officer, ev, event('2026-10-21T10:00', 'formula-port', 'negative'), 'e5');
    // Another command's (Central Command, Felixstowe): never in the manager's files.
    const heroin = [{ item: 'heroin', quantity: 3, unit: 'kg' }];
    await submitCase(app, freight, ev, event('2026-10-15T11:00', 'felixstowe', 'seizure', heroin), 'felixstowe');

    await submitCase(app, officer, 'hot-debrief', debrief(), 'd1');
    await submitCase(app, officer, 'hot-debrief', debrief({ actionNeeded: true, actionDetails: 'Fix it.' }), 'd2');
    await submitCase(
      app,
      officer,
      'hot-debrief',
      debrief({ category: 'training', occurredAt: '2026-11-12T18:00' }),
      'd3',
    );
    const heathrow = { category: 'equipment', port: 'heathrow', team: 'heathrow-t2-arrivals-red-team' };
    await submitCase(app, heathrowManager, 'hot-debrief', debrief(heathrow), 'h1');
  });
  afterAll(async () => app?.close());

  it("monthly events: the CSV's and XLSX's figures are the PDF's, the marking first, audited", async () => {
    const query = '?month=2026-10';
    const pdf = await get(`/api/reports/${EVENTS}/pdf${query}`, manager, 'monthly-events.pdf');
    expect(pdf.status).toBe(200);
    const text = await pdfText(join(OUT, 'monthly-events.pdf'));
    const lines = tableRows(text, /./);

    const csv = await get(`/api/reports/${EVENTS}/csv${query}`, manager, 'monthly-events.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="event-at-border-monthly-events_2026-10.csv"',
    );
    const records = parseCsv(csv.buffer.toString('utf8'));
    expect(records[0]).toEqual([MARKING]);
    expect(records[1]).toEqual(['Monthly events at the border']);
    expect(records).toContainEqual(['Generated by', 'Morgan Manager']);
    expect(records).toContainEqual(['Month', 'October 2026']);
    expect(records.at(-1)).toEqual([MARKING]);

    const tables = csvTables(records);
    expect([...tables.keys()]).toEqual([
      'Key figures',
      'Events by port and outcome',
      'Items seized',
      'Every event in the month',
    ]);
    const figures = tables.get('Key figures')!;
    expect(figures[0]).toEqual(['Figure', 'Value']);
    expect(figures).toContainEqual(['Events at the border', '5']);
    // Every key figure is printed in the PDF as label and value.
    for (const [label, value] of figures.slice(1)) expect(lines).toContain(`${label} ${printed(value)}`);

    const byPort = tables.get('Events by port and outcome')!;
    expect(byPort.at(-1)![0]).toBe('All ports');
    expect(byPort.at(-1)!.at(-1)).toBe('5');
    // Each row (the total too) is the PDF's row, number for number (the formula's port name wraps there).
    for (const row of byPort.slice(1).filter((r) => !r[0]!.includes('HYPERLINK')))
      expect([row, pdfHasRow(lines, row)]).toEqual([row, true]);
    const formula = byPort.find((row) => row[0]!.includes('HYPERLINK'))!;
    expect(formula[0]).toBe(`'=HYPERLINK("http://example.invalid","Dover")`);

    expect(tables.get('Items seized')).toEqual([
      ['Item', 'Total quantity', 'Seizures'],
      ['Cocaine', '12.5 kg', '1'],
    ]);
    const list = tables.get('Every event in the month')!;
    expect(list[0]).toEqual(['Date and time', 'Reference', 'Port', 'Outcome', 'Items']);
    expect(list.slice(1, -1).map((r) => r[0])).toEqual([
      '2026-10-01 00:30',
      '2026-10-05 14:00',
      '2026-10-12 09:15',
      '2026-10-20 22:00',
      '2026-10-21 10:00',
    ]);
    expect(list.at(-1)).toEqual(['Total', '', '', '', '1']);
    for (const row of list.slice(1, -1)) expect(text).toContain(row[1]);
    expect(csv.buffer.toString('utf8')).not.toMatch(/Felixstowe|Heroin/);

    const xlsx = await get(`/api/reports/${EVENTS}/xlsx${query}`, manager, 'monthly-events.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('cache-control')).toBe('no-store');
    const sheets = await xlsxSheets(xlsx.buffer);
    expect([...sheets.keys()]).toEqual([
      'Report',
      'Key figures',
      'Events by port and outcome',
      'Items seized',
      'Every event in the month',
    ]);
    for (const rows of sheets.values()) expect(rows[0]).toEqual([MARKING]);
    const sheetPorts = sheets.get('Events by port and outcome')!;
    // Title, header, then the CSV's rows as numbers.
    expect(sheetPorts.slice(1).map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))))).toEqual([
      ['Events by port and outcome'],
      ...byPort,
    ]);
    expect(sheetPorts.find((r) => String(r[0]).includes('HYPERLINK'))![0]).toBe(
      `'=HYPERLINK("http://example.invalid","Dover")`,
    );
    const events = sheets.get('Every event in the month')!;
    // UK wall-clock time: 1 Oct 00:30 BST.
    expect((events[3]![0] as Date).toISOString()).toBe('2026-10-01T00:30:00.000Z');
    expect(JSON.stringify([...sheets.values()])).not.toMatch(/Felixstowe|Heroin/);

    const audited = await app.sql<{ format: string; direct: boolean }>(
      "SELECT detail->>'format' AS format, (detail->>'direct')::boolean AS direct FROM core.audit WHERE action = 'report.downloaded' AND entity_id = $1 ORDER BY id",
      [EVENTS],
    );
    expect(audited).toEqual([
      { format: null, direct: true },
      { format: 'csv', direct: true },
      { format: 'xlsx', direct: true },
    ]);
  });

  it("an admin's files are command-wide: the other command's event is there", async () => {
    const csv = await get(`/api/reports/${EVENTS}/csv?month=2026-10`, admin);
    expect(csv.status).toBe(200);
    const text = csv.buffer.toString('utf8');
    expect(text).toMatch(/Felixstowe/);
    expect(text).toMatch(/Heroin/);
  });

  it('a summary report: key figures, each breakdown and the list, as its PDF prints them; scoped to the command', async () => {
    const query = '?from=2026-11-01&to=2026-11-30';
    expect((await get(`/api/reports/${DEBRIEF}/pdf${query}`, manager, 'debriefs.pdf')).status).toBe(200);
    const lines = tableRows(await pdfText(join(OUT, 'debriefs.pdf')), /./);
    const csv = await get(`/api/reports/${DEBRIEF}/csv${query}`, manager, 'debriefs.csv');
    const tables = csvTables(parseCsv(csv.buffer.toString('utf8')));
    expect([...tables.keys()]).toEqual(['Key figures', 'By category', 'By location', 'Every hot debrief']);
    expect(tables.get('Key figures')).toEqual([
      ['Figure', 'Value'],
      ['Period', '01 Nov 2026 to 30 Nov 2026'],
      ['Hot debriefs', '3'],
      ['Change needed before next shift', '1 (33.3%)'],
      ['Reviewed', '0 (0.0%)'],
    ]);
    for (const [label, value] of tables.get('Key figures')!.slice(1)) expect(lines).toContain(`${label} ${value}`);
    for (const title of ['By category', 'By location'])
      for (const row of tables.get(title)!.slice(1)) expect([row, pdfHasRow(lines, row)]).toEqual([row, true]);
    expect(tables.get('By category')!.slice(1)).toEqual([
      ['Safety', '2', '1', '0'],
      ['Training', '1', '0', '0'],
      ['Total', '3', '1', '0'],
    ]);
    expect(tables.get('Every hot debrief')!.length).toBe(4);
    expect(csv.buffer.toString('utf8')).not.toContain('Equipment');

    const sheets = await xlsxSheets(
      (await get(`/api/reports/${DEBRIEF}/xlsx${query}`, manager, 'debriefs.xlsx')).buffer,
    );
    expect([...sheets.keys()]).toEqual(['Report', 'Key figures', 'By category', 'By location', 'Every hot debrief']);
    expect(sheets.get('By category')!.slice(3)).toEqual([
      ['Safety', 2, 1, 0],
      ['Training', 1, 0, 0],
      ['Total', 3, 1, 0],
    ]);
    expect(sheets.get('Report')).toEqual(
      expect.arrayContaining([[MARKING], ['Hot debriefs by category'], ['From', '01 Nov 2026'], ['To', '30 Nov 2026']]),
    );
  });

  it("refuses what the PDF refuses: bad parameters per field, another command's team, an officer, an unknown report", async () => {
    const csv = (query: string, auth: Auth = manager) =>
      apiCall(app, 'GET', `/api/reports/${EVENTS}/csv${query}`, auth);
    expect(await csv('?month=2026-13')).toEqual({
      status: 400,
      body: expect.objectContaining({ errors: [{ path: 'parameters.month', message: 'Enter a real month' }] }),
    });
    expect((await csv('')).body.errors).toEqual([{ path: 'parameters.month', message: 'Enter month' }]);
    expect((await csv('?month=2026-10&team=felixstowe-freight-team-a')).body.errors).toEqual([
      { path: 'parameters.team', message: 'Select a team in your command' },
    ]);
    expect(
      (await apiCall(app, 'GET', `/api/reports/${EVENTS}/xlsx?month=2026-10&colour=red`, manager)).body.errors,
    ).toEqual([{ path: 'parameters.colour', message: 'colour is not a parameter of this report' }]);
    expect((await csv('?month=2026-10', officer)).status).toBe(403);
    expect((await apiCall(app, 'GET', '/api/reports/no-such-report/xlsx', manager)).status).toBe(404);
  });
});
