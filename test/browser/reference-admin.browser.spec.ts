import type { Browser, Page } from 'playwright-core';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall } from '../utils/reports.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs } from './browser.js';

// Reference data in the shell: an admin opens the page from the admin tabs, chooses the per-workflow
// Outcomes set, meets the shell's and then the core's field errors in the error summary, adds an
// outcome for one workflow, and end-dates it. An officer has no way in. Needs `npm run build:shell`
// first. Every page is checked with axe at 1280px and 375px, with screenshots 120-… to 125-… in
// test-output/screenshots/.

/** A day relative to today (UTC, as reference validity counts), as the boxes take it and as the API writes it. */
function dayFromToday(offset: number): { day: string; month: string; year: string; iso: string } {
  const at = new Date(Date.now() + offset * 86_400_000);
  return {
    day: String(at.getUTCDate()),
    month: String(at.getUTCMonth() + 1),
    year: String(at.getUTCFullYear()),
    iso: at.toISOString().slice(0, 10),
  };
}

describeBrowser('reference data admin page', () => {
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

  const fillDate = async (page: Page, id: string, date: { day: string; month: string; year: string }) => {
    for (const part of ['day', 'month', 'year'] as const) await page.locator(`#${id}-${part}`).fill(date[part]);
  };
  const offered = async (flag: string) => {
    const officer = await signIn(app, 'officer');
    const { body } = await apiCall(app, 'GET', `/api/reference/outcomes?flag=${flag}`, officer);
    return (body.rows as { id: string }[]).map((r) => r.id);
  };
  /** The error summary's links, once the summary is on the page (the shell may render it a tick after the click). */
  const summaryLinks = async (page: Page) => {
    await page.locator('.govuk-error-summary a').first().waitFor();
    return page.locator('.govuk-error-summary a').allTextContents();
  };

  it('an admin adds an outcome for one workflow, meeting field errors first, then end-dates it', async () => {
    const admin = await newPage(browser);
    await signInAs(admin, app.url, 'admin');
    await admin.waitForURL(/\/shift\/start/);
    await admin.goto(`${app.url}/admin/plugins`);
    await admin.getByRole('link', { name: 'Reference data', exact: true }).click();
    await admin.waitForURL(`${app.url}/admin/reference`);
    await admin.getByRole('heading', { level: 1, name: 'Reference data' }).waitFor();
    expect(await admin.title()).toBe('Reference data - Central Operations Platform');
    await admin.locator('#reference-set option', { hasText: 'Outcomes' }).waitFor({ state: 'attached' });
    await checkPage(admin, '120-reference-data');

    // No set chosen: the shell asks for one.
    await admin.getByRole('button', { name: 'Show rows' }).click();
    expect(await summaryLinks(admin)).toEqual(['Select a reference data set']);
    await admin.getByLabel('Reference data set').selectOption('outcomes');
    await admin.getByRole('button', { name: 'Show rows' }).click();
    await admin.waitForURL(`${app.url}/admin/reference?set=outcomes`);
    const table = admin.locator('[data-testid="reference-rows"]');
    await table.waitFor();
    expect(await admin.locator('.govuk-error-summary').count()).toBe(0);
    expect(await table.locator('caption').textContent()).toContain('Rows of Outcomes (7)');
    expect(await table.locator('tr[data-row-id="seizure"]').textContent()).toContain('Comes with the platform');
    expect(await admin.title()).toBe('Outcomes - Reference data - Central Operations Platform');
    const workflows = await admin.locator('.govuk-checkboxes__label').allTextContents();
    expect(workflows.map((w) => w.trim())).toEqual(
      expect.arrayContaining(['Record an event at the border', 'Target outcome']),
    );
    await checkPage(admin, '121-reference-outcomes');

    // The shell's own checks: nothing entered.
    await admin.getByRole('button', { name: 'Add row' }).click();
    expect(await summaryLinks(admin)).toEqual([
      'Enter a label',
      'Enter an id',
      'Select the workflows whose forms offer this row',
    ]);
    await admin.waitForFunction(`document.activeElement?.classList.contains('govuk-error-summary')`);
    expect(await admin.title()).toBe('Error: Outcomes - Reference data - Central Operations Platform');

    // The core's checks: an id the set has, and an end before the start.
    await admin.getByLabel('Label').fill('Seizure again');
    await admin.getByLabel('Id', { exact: true }).fill('seizure');
    await admin.getByLabel('Record an event at the border').check();
    await fillDate(admin, 'row-from', { day: '2', month: '1', year: '2026' });
    await fillDate(admin, 'row-to', { day: '1', month: '1', year: '2026' });
    await admin.getByRole('button', { name: 'Add row' }).click();
    await admin.locator('.govuk-error-summary a', { hasText: 'already has a row' }).waitFor();
    expect(await summaryLinks(admin)).toEqual([
      'The set already has a row with the id seizure (Seizure)',
      'The end date must be the same as or after the start date (2 January 2026)',
    ]);
    expect(await admin.locator('#row-id-error').textContent()).toContain('already has a row with the id seizure');
    expect(await admin.locator('#row-to-error').textContent()).toContain('The end date must be the same as or after');
    await checkPage(admin, '122-reference-errors');
    await admin.getByRole('link', { name: 'The set already has a row with the id seizure (Seizure)' }).click();
    await admin.waitForFunction(`document.activeElement?.id === 'row-id'`);
    expect(await offered('event-at-border')).not.toContain('seizure-again');

    // Put right: added, announced in a focused banner, listed, offered to that workflow only.
    const from = dayFromToday(-30);
    await admin.getByLabel('Label').fill('Referred to police');
    await admin.getByLabel('Id', { exact: true }).fill('referred-to-police');
    await fillDate(admin, 'row-from', from);
    await fillDate(admin, 'row-to', { day: '', month: '', year: '' });
    await admin.getByLabel('Attributes (optional)').fill('description = Handed to the police at the port');
    await admin.getByRole('button', { name: 'Add row' }).click();
    const done = admin.locator('[data-testid="reference-done"]');
    await done.waitFor();
    expect(await done.textContent()).toContain('Referred to police was added to Outcomes');
    await admin.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'reference-done'`);
    const added = table.locator('tr[data-row-id="referred-to-police"]');
    await added.waitFor();
    expect(await added.locator('.govuk-tag').textContent()).toContain('Current');
    expect(await added.textContent()).toContain('Added by admin');
    expect(await added.textContent()).toContain('Record an event at the border');
    expect(await admin.getByLabel('Label').inputValue()).toBe('');
    expect(await offered('event-at-border')).toContain('referred-to-police');
    expect(await offered('target-outcome')).not.toContain('referred-to-police');
    await checkPage(admin, '123-reference-added');

    // End-date it from the table: the end-date form takes over with the row chosen.
    await added.getByRole('button', { name: 'End-date Referred to police' }).click();
    await admin.waitForFunction(`document.activeElement?.id === 'end-to-day'`);
    expect(await admin.getByLabel('Row', { exact: true }).inputValue()).toBe('referred-to-police');
    await admin.getByRole('button', { name: 'End-date row' }).click();
    expect(await summaryLinks(admin)).toEqual(['Enter the last day the row can be chosen']);
    await fillDate(admin, 'end-to', dayFromToday(-1));
    await admin.getByRole('button', { name: 'End-date row' }).click();
    await done.filter({ hasText: 'Referred to police can be chosen until' }).waitFor();
    await added.locator('.govuk-tag', { hasText: 'Retired' }).waitFor();
    expect(await added.getByRole('button').count()).toBe(0);
    expect(await offered('event-at-border')).not.toContain('referred-to-police');
    await checkPage(admin, '124-reference-ended');

    const audit = await app.sql<{ action: string; actor: string; entity_id: string }>(
      "SELECT action, actor, entity_id FROM core.audit WHERE entity_type = 'reference-row' ORDER BY id",
    );
    expect(audit).toEqual([
      { action: 'reference-row.added', actor: 'admin', entity_id: 'outcomes/referred-to-police' },
      { action: 'reference-row.changed', actor: 'admin', entity_id: 'outcomes/referred-to-police' },
    ]);
    const [stored] = await app.sql<{ valid_to: string; flags: string[] }>(
      `SELECT to_char(valid_to, 'YYYY-MM-DD') AS valid_to, flags FROM core.reference_row
       WHERE set_id = 'outcomes' AND id = 'referred-to-police'`,
    );
    expect(stored).toEqual({ valid_to: dayFromToday(-1).iso, flags: ['event-at-border'] });
    await admin.context().close();
  });

  it('an officer has no tab to the page and gets the forbidden page at its address', async () => {
    const officer = await newPage(browser);
    await signInAs(officer, app.url, 'officer');
    await officer.waitForURL(/\/shift\/start/);
    await officer.goto(`${app.url}/admin/reference?set=outcomes`);
    await officer.getByRole('heading', { level: 1, name: 'You do not have permission to view this page' }).waitFor();
    expect(await officer.locator('[data-testid="reference-rows"]').count()).toBe(0);
    await checkPage(officer, '125-reference-data-forbidden');
    await officer.context().close();
  });
});
