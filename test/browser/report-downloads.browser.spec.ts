import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { submitCase } from '../utils/reports.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs, startShift } from './browser.js';

// CSV and XLSX from the reports page: the demo manager chooses a report, enters its month or
// dates and downloads the spreadsheet files beside running the PDF; a month left out is asked
// for before anything is fetched. axe at 1280px and 375px, screenshots 98-… in
// test-output/screenshots/. Needs `npm run build:shell` first.
const event = (eventDateTime: string, outcome: string) => ({
  eventDateTime,
  port: 'dover',
  transportMode: 'roro-tourist',
  outcome,
  ...(outcome === 'seizure'
    ? {
        items: [{ item: 'cocaine', quantity: 2, unit: 'kg' }],
        concealmentMethod: 'vehicle-natural-void',
        detectionMethod: 'physical-search',
      }
    : {}),
  personsInvolved: false,
  targeted: false,
  summary: 'Car selected and examined.',
});

describeBrowser('report downloads from the reports page', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    const officer = await signIn(app, 'officer');
    await submitCase(app, officer, 'event-at-border', event('2026-10-03T10:00', 'seizure'), 'd1');
    await submitCase(app, officer, 'event-at-border', event('2026-10-04T11:00', 'negative'), 'd2');
    await submitCase(app, officer, 'event-at-border', event('2026-11-01T09:00', 'negative'), 'november');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  it('a manager downloads the monthly events report as CSV and XLSX for the month they enter', async () => {
    const page = await newPage(browser);
    await signInAs(page, app.url, 'manager');
    await startShift(page, app.url);
    await page.goto(`${app.url}/reports`);
    await page.getByRole('link', { name: 'Monthly events at the border', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Monthly events at the border' }).waitFor();

    // No month yet: the same GOV.UK error as running it, and no file.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Download CSV of Monthly events at the border' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(downloads).toBe(0);

    await page.getByLabel('Month', { exact: true }).fill('10');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await checkPage(page, '98-report-downloads');

    const csv = await download(page, 'Download CSV of Monthly events at the border');
    expect(csv.name).toBe('event-at-border-monthly-events_2026-10.csv');
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(lines).toContain('Monthly events at the border');
    expect(lines).toContain('Events at the border,2');
    expect(text).toMatch(/\r\nCocaine,2 kg,1\r\n/);
    expect(lines.filter(Boolean).at(-1)).toBe('OFFICIAL-SENSITIVE');

    const xlsx = await download(page, 'Download XLSX of Monthly events at the border');
    expect(xlsx.name).toBe('event-at-border-monthly-events_2026-10.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Report', 'Key figures', 'Events by port and outcome']),
    );
    const figures = workbook.getWorksheet('Key figures')!;
    expect(figures.getCell('A1').value).toBe('OFFICIAL-SENSITIVE');
    const rows = figures.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows).toContainEqual(['Events at the border', 2]);
    expect(page.url()).toBe(`${app.url}/reports/event-at-border.monthly-events`);
    await page.context().close();
  });
});
