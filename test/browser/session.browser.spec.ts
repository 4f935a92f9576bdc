import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage } from './browser.js';

/** The shortest access-token lifetime the core accepts (AUTH_ACCESS_TOKEN_TTL_SECONDS). */
const ACCESS_TTL_SECONDS = 60;

// An expired session (the access token has run out and the refresh token is gone) sends the
// officer to sign in from the middle of a form; after signing in again the form comes back
// with every answer, and the draft saved when the session ended reaches the server.
describeBrowser('an expired session', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS) } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(page: Page, username: string): Promise<void> {
    await page.locator('#username').fill(username);
    await page.locator('#password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('returns to sign in without losing the form in progress', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/sign-in/);
    await signIn(page, 'officer');
    const signedInAt = Date.now();
    await page.waitForURL(/\/shift\/start/);
    await page.locator('#location-search').fill('Dover');
    const dover = page.locator('#location-results .govuk-radios__item', { hasText: 'Dover' }).first();
    await dover.waitFor();
    await dover.locator('input').check();
    await page.getByRole('button', { name: 'Start shift' }).click();
    await page.waitForURL(`${app.url}/`);

    await page.locator('[data-plugin-id="hot-debrief"] a').click();
    await page.waitForURL(/draft=[0-9a-f-]{36}/);
    const draftId = new URL(page.url()).searchParams.get('draft')!;
    await page.locator('#f-description').waitFor();
    await page.getByLabel('Equipment').check();
    await page.locator('#f-description').fill('Scanner on lane 2 stopped working.');

    // The session ends: the refresh token is revoked and the access token runs out.
    await app.sql('DELETE FROM core.refresh_token');
    await page.waitForTimeout(Math.max(0, signedInAt + (ACCESS_TTL_SECONDS + 2) * 1000 - Date.now()));

    // The officer carries on with the form, then saves: the server says the session is over.
    expect(new URL(page.url()).pathname).toBe('/forms/hot-debrief');
    await page.locator('#f-description').fill('Scanner on lane 2 stopped working. Engineer booked.');
    await page.locator('#f-actionNeeded-no').check();
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    const returnUrl = new URL(page.url()).searchParams.get('returnUrl')!;
    expect(returnUrl).toContain('/forms/hot-debrief');
    expect(returnUrl).toContain(`draft=${draftId}`);
    await page.locator('#username').waitFor();
    await checkPage(page, '70-session-expired-sign-in');

    // Signing in again goes back to the form, with every answer.
    await signIn(page, 'officer');
    await page.waitForURL((url) => url.pathname === '/forms/hot-debrief' && url.search.includes(`draft=${draftId}`));
    await page.locator('#f-description').waitFor();
    expect(await page.locator('#f-description').inputValue()).toBe(
      'Scanner on lane 2 stopped working. Engineer booked.',
    );
    expect(await page.getByLabel('Equipment').isChecked()).toBe(true);
    expect(await page.locator('#f-actionNeeded-no').isChecked()).toBe(true);
    await checkPage(page, '71-session-form-restored');

    // The draft saved as the session ended is sent now that the officer is back.
    let rows: { answers: Record<string, unknown> }[] = [];
    for (let i = 0; i < 90 && rows.length === 0; i++) {
      await page.waitForTimeout(500);
      rows = (await app.sql('SELECT answers FROM core.draft WHERE id = $1', [draftId])) as typeof rows;
    }
    expect(rows).toEqual([
      { answers: expect.objectContaining({ description: 'Scanner on lane 2 stopped working. Engineer booked.' }) },
    ]);
  });
});
