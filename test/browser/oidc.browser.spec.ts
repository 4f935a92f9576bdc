import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { FakeOidcIssuer } from '../utils/fake-oidc-issuer.js';
import { checkPage, describeBrowser, launchBrowser, newPage } from './browser.js';

// "Sign in with your Home Office account": the authorization code flow with PKCE against a
// stand-in Keycloak realm, in the built shell served by the real core. Needs `npm run build:shell`.
describeBrowser('OpenID Connect sign-in', () => {
  let issuer: FakeOidcIssuer;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    issuer = new FakeOidcIssuer();
    await issuer.start();
    app = await startTestApp({ env: { OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: issuer.clientId } });
    issuer.allowedOrigins.add(new URL(app.url).origin);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await issuer?.stop();
  });

  const oidcButton = (page: Page) => page.getByRole('button', { name: 'Sign in with your Home Office account' });

  async function startShift(page: Page): Promise<void> {
    await page.waitForURL(/\/shift\/start/);
    await page.locator('#location-search').fill('Dover');
    const dover = page.locator('#location-results .govuk-radios__item', { hasText: 'Dover' }).first();
    await dover.waitFor();
    await dover.locator('input').check();
    if (!(await page.locator('#team').inputValue())) await page.locator('#team').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Start shift' }).click();
  }

  it('signs the officer in at the issuer and back, refreshes there, and signs out there', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/sign-in/);
    await oidcButton(page).waitFor();
    // Local accounts stay available below for the demo users.
    expect(await page.locator('#username').count()).toBe(1);
    await checkPage(page, 'oidc-01-sign-in');

    await oidcButton(page).click();
    await page.waitForURL(/\/shift\/start/);
    expect(issuer.grants).toEqual(['authorization_code']);
    const header = page.locator('[data-testid="signed-in-as"]');
    await header.waitFor();
    expect((await header.textContent())?.trim()).toBe('Asha Patel');

    await startShift(page);
    await page.waitForURL(`${app.url}/`);
    const hotDebrief = page.locator('[data-plugin-id="hot-debrief"] a');
    await hotDebrief.waitFor();
    expect((await hotDebrief.textContent())?.trim()).toBe('Hot debrief');
    await checkPage(page, 'oidc-02-dashboard');

    // The core answers 401 to a spoilt access token: the shell refreshes at the issuer, not at the core.
    await page.evaluate(`sessionStorage.setItem('cop.session',
      JSON.stringify({ ...JSON.parse(sessionStorage.getItem('cop.session')), accessToken: 'spoilt' }))`);
    await page.reload();
    await hotDebrief.waitFor();
    expect(issuer.grants).toEqual(['authorization_code', 'refresh_token']);
    expect((await header.textContent())?.trim()).toBe('Asha Patel');

    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in\?signedOut=true/);
    await page.getByText('You have signed out').waitFor();
    expect(issuer.count('/protocol/openid-connect/logout')).toBe(1);
    expect(await page.evaluate(`sessionStorage.getItem('cop.session')`)).toBeNull();
    await page.context().close();
  });

  it('says so when the state does not match or the user refuses at the issuer', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/auth/callback?code=not-a-code&state=not-our-state`);
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('did not match the one this browser started');
    expect(await page.title()).toMatch(/^Error: /);
    await checkPage(page, 'oidc-03-state-mismatch');

    issuer.deny = true;
    try {
      await page.getByRole('link', { name: 'Go to sign in' }).click();
      await oidcButton(page).click();
      await page.waitForURL(/\/auth\/callback\?.*error=access_denied/);
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        'You did not give permission to sign in with your Home Office account',
      );
    } finally {
      issuer.deny = false;
    }
    await page.context().close();
  });
});
