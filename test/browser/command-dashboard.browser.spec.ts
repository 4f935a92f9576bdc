import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { answerDateTime } from '../../core/src/sdk/index.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { submitCase } from '../utils/reports.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs, startShift } from './browser.js';

// The command dashboard in the shell: the demo manager opens it from the navigation, sees this
// month's tiles with their charts and each chart's table, follows a tile to the cases behind it,
// and downloads the monthly events report as CSV and XLSX from the tile. axe at 1280px and 375px,
// screenshots 96-… to 97-… in test-output/screenshots/. Needs `npm run build:shell` first.
const EVENTS_TILE = 'event-at-border.monthly-events.seizures';

describeBrowser('command dashboard', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    const officer = await signIn(app, 'officer');
    const event = (minutesAgo: number, outcome: string) => ({
      eventDateTime: answerDateTime(new Date(Date.now() - minutesAgo * 60_000)),
      port: 'dover',
      transportMode: 'roro-tourist',
      outcome,
      personsInvolved: false,
      targeted: false,
      summary: 'Car selected and examined.',
    });
    await submitCase(app, officer, 'event-at-border', event(20, 'negative'), 'e1');
    await submitCase(app, officer, 'event-at-border', event(15, 'no-show'), 'e2');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function download(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  it('a manager sees the tiles and charts with their tables, follows a tile to its cases and downloads CSV and XLSX', async () => {
    const page = await newPage(browser);
    await signInAs(page, app.url, 'manager');
    await startShift(page, app.url);
    await page.getByRole('link', { name: 'Command dashboard', exact: true }).click();
    await page.waitForURL(`${app.url}/command-dashboard`);
    await page.getByRole('heading', { level: 1, name: /Command dashboard/ }).waitFor();
    expect(await page.title()).toBe('Command dashboard - Central Operations Platform');
    const events = page.locator(`[data-tile-id="${EVENTS_TILE}"]`);
    await events.waitFor();
    expect(await events.getByRole('heading', { level: 2 }).textContent()).toBe('Events and seizures');
    expect((await events.textContent())?.replace(/\s+/g, ' ')).toMatch(/\b\d+ Events at the border\b/);

    // Every chart is an image named by its figures, with the same numbers in a visible table.
    const charts = page.locator('[data-testid="chart-image"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    const eventsChart = events.getByRole('img');
    expect(await eventsChart.getAttribute('aria-label')).toMatch(
      /^Bar chart, Events at the border this month by port\. Port of Dover: \d+/,
    );
    const table = events.locator('[data-testid="chart-table"]');
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('caption').textContent()).toContain(
      'Data for the chart: Events at the border this month by port',
    );
    expect(await table.getByRole('rowheader', { name: 'Port of Dover' }).isVisible()).toBe(true);
    const tasks = page.locator('[data-tile-id="core.open-tasks"]');
    expect(await tasks.locator('[data-testid="chart-table"] thead th').allTextContents()).toEqual([
      'Team',
      'Open',
      'Overdue',
    ]);
    await checkPage(page, '96-command-dashboard');

    // The cases behind the tile: this month's events, each linking to its case.
    await events.getByRole('link', { name: 'View the cases behind Events and seizures' }).click();
    await page.waitForURL(/\/command-dashboard\/cases\?tile=/);
    await page.getByRole('heading', { level: 1, name: /Events and seizures/ }).waitFor();
    const rows = page.locator('[data-testid="dashboard-cases"] tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await checkPage(page, '97-command-dashboard-cases');
    const first = rows.first().getByRole('link');
    const reference = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByText(reference).first().waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Back to the dashboard' }).click();
    await page.waitForURL(/\/command-dashboard(\?|$)/);

    // The monthly events report as a spreadsheet, marked, from the tile.
    await events.waitFor();
    const csv = await download(page, 'Download CSV of Events and seizures');
    expect(csv.name).toMatch(/^event-at-border-monthly-events_\d{4}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe('OFFICIAL-SENSITIVE');
    expect(text).toMatch(/\r\nEvents at the border,\d+\r\n/);
    const xlsx = await download(page, 'Download XLSX of Events and seizures');
    expect(xlsx.name).toMatch(/^event-at-border-monthly-events_\d{4}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Report', 'Key figures', 'Events by port and outcome']),
    );
    expect(workbook.getWorksheet('Key figures')!.getCell('A1').value).toBe('OFFICIAL-SENSITIVE');
    await page.context().close();
  });

  it('an officer has no dashboard link, and the page is forbidden', async () => {
    const page = await newPage(browser);
    await signInAs(page, app.url, 'officer');
    await startShift(page, app.url);
    expect(await page.getByRole('link', { name: 'Command dashboard' }).count()).toBe(0);
    await page.goto(`${app.url}/command-dashboard`);
    await page.waitForURL(/\/forbidden/);
    await page.context().close();
  });
});
