import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { pdfText } from '../reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs, startShift } from './browser.js';

// Part 3 of the shell: live notifications (a Cerberus target reaches the officer's open page
// as an urgent banner), the manager reports area (parameters, progress, PDF download), and the
// admin's failed deliveries. Needs `npm run build:shell` first. Every page is checked with axe
// at 1280px and 375px, with screenshots in test-output/screenshots/.
const SECRET = 'browser-test-cerberus-secret-aaaaaaaaaaaa';
const FREIGHT_TEAM = 'dover-freight-team-a';

describeBrowser('notifications, reports and failed deliveries', () => {
  let app: TestApp;
  let browser: Browser;
  let sim: CerberusSimulator;

  beforeAll(async () => {
    app = await startTestApp({ env: { CERBERUS_SECRETS: SECRET } });
    sim = new CerberusSimulator({ secret: SECRET, coreUrl: app.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Saves the download a click starts and returns its bytes. */
  async function download(
    page: Page,
    click: () => Promise<void>,
  ): Promise<{ name: string; bytes: Buffer; path: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = (await file.path())!;
    return { name: file.suggestedFilename(), bytes: await readFile(path), path };
  }

  it("a Cerberus target for the officer's shift team appears at once as an urgent banner, in the inbox, and opens the case", async () => {
    const officer = await newPage(browser);
    await signInAs(officer, app.url, 'officer');
    await startShift(officer, app.url, FREIGHT_TEAM);
    await officer.locator('[data-testid="dashboard-unread"]').waitFor();
    const notificationsLink = officer.locator('[data-testid="notifications-link"]');
    expect((await notificationsLink.textContent())?.replace(/\s+/g, ' ')).toContain('Notifications (0 unread)');
    expect(await officer.locator('[data-testid="dashboard-unread"]').textContent()).toContain('0');

    // The officer is on another page when the target arrives.
    await officer.getByRole('link', { name: 'Tasks', exact: true }).click();
    await officer.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    const sheet = targetSheet({ receivingTeam: FREIGHT_TEAM });
    const sent = await sim.sendTarget(sheet);
    expect(sent.status).toBe(201);
    const businessKey = sent.body.businessKey as string;

    const banner = officer.locator('[data-testid="urgent-banner"]');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain(`New target for your team: ${businessKey}`);
    await officer.locator('[data-testid="notifications-link"]', { hasText: 'Notifications (1' }).waitFor();
    expect(await officer.getByRole('link', { name: 'Reports', exact: true }).count()).toBe(0); // officers run no reports
    await checkPage(officer, '40-urgent-banner');

    // The inbox lists it, unread, linked to the case; the banner stays on every page.
    await notificationsLink.click();
    await officer.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = officer.locator('[data-testid="inbox"] li').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(businessKey);
    expect(await item.textContent()).toContain('Unread');
    expect(await officer.locator('[data-testid="unread-count"]').textContent()).toContain(
      'You have 1 unread notification',
    );
    await checkPage(officer, '41-inbox');

    // From the banner to the case: the notification is read and the banner goes.
    await banner.getByRole('link', { name: /Open the case/ }).click();
    await officer.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await officer.getByRole('heading', { level: 1, name: businessKey }).waitFor();
    await banner.waitFor({ state: 'detached' });
    await officer.locator('[data-testid="notifications-link"]', { hasText: 'Notifications (0' }).waitFor();

    // The case as a PDF, fetched with the bearer token.
    const pdf = await download(officer, () => officer.locator('[data-testid="case-pdf"]').click());
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(await pdfText(pdf.path)).toContain(businessKey);
    await checkPage(officer, '42-case-from-banner');

    // A reload keeps the session and the live stream: a second target still arrives.
    await officer.reload();
    await officer.getByRole('heading', { level: 1, name: businessKey }).waitFor();
    const second = await sim.sendTarget(targetSheet({ receivingTeam: FREIGHT_TEAM }));
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.textContent()).toContain(second.body.businessKey as string);
    await banner.getByRole('button', { name: /Dismiss/ }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await notificationsLink.textContent())?.replace(/\s+/g, ' ')).toContain('Notifications (1 unread)');

    // "Record the outcome" on the target case opens the outcome form with the target's reference filled in.
    await officer.locator('[data-testid="start-record-outcome"]').click();
    await officer.waitForURL(new RegExp(`/forms/target-outcome\\?.*linked=${businessKey}`));
    await officer.locator('#f-targetReference').waitFor();
    await officer.waitForFunction(
      `document.querySelector('#f-targetReference')?.value === ${JSON.stringify(sheet.targetId)}`,
    );
    await checkPage(officer, '48-outcome-prefilled');
    // Back leads to the target, not to the list of forms.
    const back = officer.locator('.govuk-back-link');
    expect((await back.textContent())?.trim()).toBe(`Back to ${businessKey}`);
    expect(await back.getAttribute('href')).toBe(`/cases/${businessKey}`);
    await officer.locator('#f-outcome-no-show').check();
    await officer.locator('#f-reason').selectOption('did-not-travel');
    await officer.getByRole('button', { name: 'Continue' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    expect(await officer.locator('[data-path="targetReference"] .govuk-summary-list__value').textContent()).toContain(
      String(sheet.targetId),
    );
    await officer.getByRole('button', { name: 'Submit' }).click();
    await officer.locator('[data-testid="submitted-panel"]').waitFor();
    // The outcome is linked to the target, which now shows the outcome recorded and no action left.
    await officer.getByRole('link', { name: businessKey }).click();
    await officer.waitForURL(new RegExp(`/cases/${businessKey}$`));
    await officer.locator('[data-testid="case-state"]', { hasText: 'Outcome recorded' }).waitFor();
    expect(await officer.locator('[data-testid="start-record-outcome"]').count()).toBe(0);
    await officer.context().close();
  });

  it('a manager runs "Hot debriefs by category", watches it reach 100% and downloads the PDF', async () => {
    // Two hot debriefs in Dover this month, through the API.
    const officer = await signIn(app, 'officer');
    for (const category of ['safety', 'training']) {
      const created = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({
          answers: {
            category,
            occurredAt: '2026-11-10T09:15',
            port: 'dover',
            team: 'dover-tourist-controls-team-1',
            description: 'Lane 3 barrier failed to lower.',
            actionNeeded: false,
          },
        }),
      });
      expect(created.status).toBe(201);
    }

    const manager = await newPage(browser);
    await signInAs(manager, app.url, 'manager');
    await startShift(manager, app.url);
    await manager.getByRole('link', { name: 'Reports', exact: true }).click();
    await manager.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await manager.locator('[data-report-id="hot-debrief.debriefs-by-category"]').waitFor();
    expect(await manager.locator('[data-report-id="command-brief"]').count()).toBe(1);
    await checkPage(manager, '43-reports');

    await manager.getByRole('link', { name: 'Hot debriefs by category', exact: true }).click();
    await manager.getByRole('heading', { level: 1, name: 'Hot debriefs by category' }).waitFor();
    await manager.locator('#p-team option').nth(1).waitFor({ state: 'attached' });
    // Mistakes first: a missing year and no end date.
    await manager.locator('#p-from-day').fill('1');
    await manager.locator('#p-from-month').fill('11');
    await manager.getByRole('button', { name: 'Run report' }).click();
    await manager.locator('.govuk-error-summary').waitFor();
    const summary = await manager.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('From must include a year');
    expect(summary).toContain('Enter the to date');
    expect(await manager.title()).toMatch(/^Error: Hot debriefs by category/);
    await checkPage(manager, '44-report-parameters-errors');

    await manager.locator('#p-from-year').fill('2026');
    await manager.locator('#p-to-day').fill('30');
    await manager.locator('#p-to-month').fill('11');
    await manager.locator('#p-to-year').fill('2026');
    await manager.getByRole('button', { name: 'Run report' }).click();
    await manager.waitForURL(/\/reports\/runs\/[0-9a-f-]+$/);
    await manager.locator('[data-testid="run-progress"]', { hasText: '100% complete' }).waitFor({ timeout: 30000 });
    expect(await manager.locator('[data-testid="run-status"]').textContent()).toContain('Ready');
    // A finished run says so in words ("all 8 rows"), not "8 rows done of 8".
    expect((await manager.locator('[data-testid="run-progress"]').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(
      /^100% complete: (all \d+ rows|the only row|no rows)$/,
    );
    expect(await manager.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');
    expect(await manager.locator('[data-testid="run-announcement"]').textContent()).toContain('ready to download');
    await checkPage(manager, '45-report-ready');

    const pdf = await download(manager, () => manager.locator('[data-testid="download-pdf"]').click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = await pdfText(pdf.path);
    expect(text).toContain('Hot debriefs by category');
    expect(text).toContain('OFFICIAL-SENSITIVE');

    // The run is listed under recent runs with its own download.
    await manager.getByRole('link', { name: 'Back to reports' }).click();
    const row = manager.locator('[data-testid="report-runs"] tbody tr').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Hot debriefs by category');
    expect(await row.textContent()).toContain('Ready');
    expect(await row.textContent()).toContain('From: 1 November 2026');
    await checkPage(manager, '46-reports-with-runs');
    await manager.context().close();
  });

  it('an admin sees an empty failed deliveries table', async () => {
    const admin = await newPage(browser);
    await signInAs(admin, app.url, 'admin');
    await admin.waitForURL(/\/shift\/start/);
    await admin.goto(`${app.url}/admin/deliveries`);
    await admin.getByRole('heading', { level: 1, name: 'Failed deliveries' }).waitFor();
    await admin.locator('[data-testid="no-failed-deliveries"]').waitFor();
    expect(await admin.locator('[data-testid="failed-deliveries"] caption').textContent()).toContain(
      'Failed deliveries (0)',
    );
    expect(await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link').allTextContents()).toEqual(
      ['Plugins', 'Failed deliveries', 'Reference data'],
    );
    await checkPage(admin, '47-failed-deliveries');
    await admin.context().close();
  });
});
