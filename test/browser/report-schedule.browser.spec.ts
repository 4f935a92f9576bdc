import type { Browser } from 'playwright-core';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs, startShift } from './browser.js';

// Report schedules in the shell: a manager changes when the Command brief is produced with radios
// and a time (never cron), meets an inline error, and sees the next run on the reports list;
// an officer has no way in. Needs `npm run build:shell` first. Every page is checked with axe at
// 1280px and 375px, with screenshots 90-… to 95-… in test-output/screenshots/.
const REPORT = 'command-brief';

describeBrowser('report schedules', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The core's next run of the report, and its date as the shell writes it ("1 December 2026"). */
  async function nextRunDate(headers: Record<string, string>): Promise<{ date: string; nextRun: string }> {
    const response = await fetch(`${app.url}/api/reports/${REPORT}/schedule`, { headers });
    expect(response.status).toBe(200);
    const { nextRun } = (await response.json()) as { nextRun: string };
    const date = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date(nextRun));
    return { date, nextRun };
  }

  it('a manager changes the Command brief to every Monday at 7:30am without writing cron', async () => {
    const managerApi = await signIn(app, 'manager');
    const before = await nextRunDate(managerApi);

    const manager = await newPage(browser);
    await signInAs(manager, app.url, 'manager');
    await startShift(manager, app.url);
    await manager.getByRole('link', { name: 'Reports', exact: true }).click();
    await manager.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const row = manager.locator(`[data-report-id="${REPORT}"]`);
    await row.locator('[data-testid="report-next-run"]').waitFor();
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(
      `Also produced automatically for your command every month on the 1st at 6am. Next produced ${before.date} at 6am.`,
    );
    await checkPage(manager, '90-reports-schedules');

    await manager.getByRole('link', { name: 'Change schedule for Command brief' }).click();
    await manager.waitForURL(`${app.url}/reports/${REPORT}/schedule`);
    await manager.getByRole('heading', { level: 1, name: 'Change schedule' }).waitFor();
    expect(await manager.title()).toBe('Change schedule for Command brief - Central Operations Platform');
    expect(await manager.getByLabel("Use the report's own schedule").isChecked()).toBe(true);
    expect(await manager.locator('[data-testid="schedule-current"]').textContent()).toContain(`${before.date} at 6am`);
    await checkPage(manager, '91-report-schedule');

    // Every week, Monday, hour 25: refused on the page, beside the time.
    await manager.getByLabel('Every week').check();
    await manager.getByLabel('Day of the week').selectOption({ label: 'Monday' });
    await manager.getByLabel('Hour').fill('25');
    await manager.getByLabel('Minute').fill('30');
    await manager.getByRole('button', { name: 'Save schedule' }).click();
    const summary = manager.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Hour must be a number from 0 to 23');
    expect(await manager.locator('#schedule-time-error').textContent()).toContain('Hour must be a number from 0 to 23');
    expect(await manager.title()).toMatch(/^Error: Change schedule for Command brief/);
    await manager.waitForFunction(
      `!!document.activeElement && document.activeElement.classList.contains('govuk-error-summary')`,
    );
    await checkPage(manager, '92-report-schedule-error');
    await summary.getByRole('link', { name: 'Hour must be a number from 0 to 23' }).click();
    await manager.waitForFunction(`document.activeElement && document.activeElement.id === 'schedule-hour'`);

    await manager.getByLabel('Hour').fill('7');
    await manager.getByRole('button', { name: 'Save schedule' }).click();
    await manager.waitForURL(`${app.url}/reports`);
    const after = await nextRunDate(managerApi);
    expect(new Date(after.nextRun).getUTCDay()).toBe(1); // a Monday (7:30am UK time is the same day in UTC)
    const banner = manager.locator('[data-testid="schedule-saved"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      `Schedule changed for Command brief. Next produced ${after.date} at 7:30am.`,
    );
    await row
      .locator('[data-testid="report-next-run"]', { hasText: `Next produced ${after.date} at 7:30am.` })
      .waitFor();
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(
      'Also produced automatically for your command every Monday at 7:30am.',
    );
    await checkPage(manager, '93-reports-schedule-changed');

    const [stored] = await app.sql<{ cron: string; enabled: boolean; updated_by: string }>(
      'SELECT cron, enabled, updated_by FROM core.report_schedule WHERE report_id = $1',
      [REPORT],
    );
    expect(stored).toEqual({ cron: '30 7 * * 1', enabled: true, updated_by: 'manager' });

    // Back on the page, the radios read the stored cron again.
    await manager.getByRole('link', { name: 'Change schedule for Command brief' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Change schedule' }).waitFor();
    expect(await manager.getByLabel('Every week').isChecked()).toBe(true);
    expect(await manager.getByLabel('Day of the week').inputValue()).toBe('1');
    expect(await manager.getByLabel('Hour').inputValue()).toBe('7');
    expect(await manager.getByLabel('Minute').inputValue()).toBe('30');
    await manager.context().close();
  });

  it('an officer cannot change schedules: no link, and the page is forbidden', async () => {
    const officer = await newPage(browser);
    await signInAs(officer, app.url, 'officer');
    await startShift(officer, app.url);
    await officer.goto(`${app.url}/reports`);
    await officer.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await officer.getByText('Loading reports').waitFor({ state: 'detached' });
    expect(await officer.getByRole('link', { name: /Change schedule/ }).count()).toBe(0);
    await checkPage(officer, '94-reports-officer');

    await officer.goto(`${app.url}/reports/${REPORT}/schedule`);
    await officer.getByRole('heading', { level: 1, name: 'You do not have permission to view this page' }).waitFor();
    expect(await officer.locator('form').count()).toBe(0);
    await checkPage(officer, '95-report-schedule-forbidden');
    await officer.context().close();
  });
});
