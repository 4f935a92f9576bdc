import type { Browser, Page } from 'playwright-core';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

// The staff profile as a hub-and-spoke form in Chromium: the hub summarises each section with
// its change link, the officer's own name and email are shown from their account and cannot be
// edited, a section's pages lead back to the hub, an email typed in capitals is kept in lower
// case, and the hub submits with the form's own label. The rest of the answers come from a
// draft saved over the API. Needs `npm run build:shell` first; axe at 1280 and 375 px.
describeBrowser('staff profile: a hub-and-spoke form', () => {
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

  const card = (page: Page, pageId: string) => page.locator(`.govuk-summary-card[data-page="${pageId}"]`);
  const row = (page: Page, path: string) => page.locator(`[data-path="${path}"] .govuk-summary-list__value`);
  const onHub = (page: Page) =>
    page.getByRole('heading', { level: 1, name: 'Update your staff profile and shift' }).waitFor();

  it('changes a section from the hub, keeps the account’s name and email, and submits from the hub', async () => {
    const [account] = await app.sql<{ name: string; email: string }>(
      "SELECT display_name AS name, email FROM core.app_user WHERE username = 'officer'",
    );
    const officer = await signIn(app, 'officer');
    const draftId = crypto.randomUUID();
    const seeded = await fetch(`${app.url}/api/plugins/staff-profile/drafts/${draftId}`, {
      method: 'PUT',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        page: 'hub',
        answers: {
          grade: 'HEO',
          team: 'dover-tourist-controls-team-1',
          location: 'dover',
          lineManagerName: 'Priya Shah',
          lineManagerEmail: 'old.manager@example.gov.uk',
          shiftStart: '2026-11-12T07:00',
          shiftEnd: '2026-11-12T19:00',
          shiftTeam: 'dover-tourist-controls-team-1',
          shiftLocation: 'dover',
        },
      }),
    });
    expect(seeded.status).toBe(200);

    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');
    await page.goto(`${app.url}/forms/staff-profile?draft=${draftId}&page=hub`);
    await onHub(page);
    expect(await page.locator('.govuk-summary-card__title').allTextContents()).toEqual([
      'About you',
      'People who can act for you',
      'Your shift',
    ]);
    expect((await row(page, 'fullName').textContent())?.trim()).toBe(account!.name);
    expect((await row(page, 'lineManagerEmail').textContent())?.trim()).toBe('old.manager@example.gov.uk');
    await checkPage(page, '96-staff-profile-hub');

    // About you: the account's name and email are shown, not asked; headings in size m.
    await card(page, 'profile').getByRole('link', { name: 'Change About you' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await page.locator('h2.govuk-heading-m').allTextContents()).toEqual(['Your account', 'Your work']);
    const readonly = page.locator('[data-readonly="true"]');
    expect(await readonly.count()).toBe(2);
    expect(await readonly.first().textContent()).toContain(account!.name);
    expect(await page.locator('input#f-fullName, input#f-email').count()).toBe(0);
    await checkPage(page, '97-staff-profile-readonly');
    await page.locator('form button[type="submit"]').first().click();

    // The section's last page goes back to the hub; the email is kept in lower case.
    await page.getByRole('heading', { level: 1, name: 'Your line manager' }).waitFor();
    await page.locator('#f-lineManagerEmail').fill('  Priya.SHAH@Example.GOV.uk ');
    await page.locator('form button[type="submit"]').first().click();
    await onHub(page);
    expect((await row(page, 'lineManagerEmail').textContent())?.trim()).toBe('priya.shah@example.gov.uk');

    await page.getByRole('button', { name: 'Save your profile and shift' }).click();
    await page.waitForURL(/\/cases\/BF-\d{8}-\d+$/);
    await page.getByRole('heading', { name: 'Form submitted' }).waitFor();
    const businessKey = /\/cases\/(BF-\d{8}-\d+)$/.exec(page.url())![1];
    const [stored] = await app.sql<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM core."case" WHERE business_key = $1',
      [businessKey],
    );
    expect(stored!.answers).toMatchObject({
      fullName: account!.name,
      email: account!.email.toLowerCase(),
      lineManagerEmail: 'priya.shah@example.gov.uk',
      grade: 'HEO',
    });
  });
});
