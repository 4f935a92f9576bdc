import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

const PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'parity-plugins');

// Forms at parity with the real platform's definitions, on the parity-fixture plugin
// (test/fixtures/parity-plugins): a page without a title headed by its first question, which is
// read-only and pre-filled from the officer; answers formatted when the officer leaves an input
// (lower-case email, postcode, registration); heading sizes, inset text, details and warning
// text; a hidden pre-filled question. The stored answers are the formatted ones. Axe at 1280px
// and 375px. Needs `npm run build:shell` first.
describeBrowser('forms at parity: read-only, formatted and content', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [PLUGINS] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const fillAndLeave = async (page: Page, id: string, value: string) => {
    await page.locator(id).fill(value);
    await page.locator(id).press('Tab');
  };

  it('shows read-only answers, formats answers as typed, and stores the formatted ones', async () => {
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');
    await page.goto(`${app.url}/forms/parity-fixture`);

    // The page has no title: its first question's label is the page's only h1.
    await page.getByRole('heading', { level: 1, name: 'Your name' }).waitFor();
    expect(await page.locator('main h1').count()).toBe(1);
    expect(await page.title()).toBe('Your name - Parity fixture - Central Operations Platform');
    // Read-only: shown with the pre-filled answer (as its format keeps it), no input to change it.
    expect(await page.locator('input[name="officerName"], input[name="username"]').count()).toBe(0);
    expect(squash(await page.locator('#f-officerName').textContent())).toBe('Olivia Officer');
    expect(await page.locator('#f-officerName-hint').textContent()).toBe('From your account');
    expect(squash(await page.locator('#f-username').textContent())).toBe('OFFICER');

    // Content: a large heading, inset text, details (closed until opened) and warning text.
    expect(await page.locator('h2.govuk-heading-l').textContent()).toBe('How to reach you');
    expect(squash(await page.locator('.govuk-inset-text').textContent())).toBe(
      'We only use these details to contact you about this form.',
    );
    const details = page.locator('details.govuk-details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(squash(await page.locator('.govuk-warning-text__text').textContent())).toBe(
      'Warning Giving false information is an offence.',
    );
    await checkPage(page, '150-parity-read-only-and-content');

    // Formats apply as the officer leaves each input, as the core will keep the answer.
    await fillAndLeave(page, '#f-email', 'Olivia.Officer@Example.GOV.UK');
    await fillAndLeave(page, '#f-postcode', 'ct16  1ja');
    await fillAndLeave(page, '#f-registration', 'ab12 cde');
    await fillAndLeave(page, '#f-surname', '  van   der berg');
    expect(await page.locator('#f-email').inputValue()).toBe('olivia.officer@example.gov.uk');
    expect(await page.locator('#f-postcode').inputValue()).toBe('CT16 1JA');
    expect(await page.locator('#f-registration').inputValue()).toBe('AB12CDE');
    expect(await page.locator('#f-surname').inputValue()).toBe('VAN DER BERG');
    await page.getByRole('button', { name: 'Continue' }).click();

    // A titled page with a small heading; the pre-filled shift location stays hidden.
    await page.getByRole('heading', { level: 1, name: 'Your shift' }).waitFor();
    expect(await page.locator('h2.govuk-heading-s').textContent()).toBe('Where you are working');
    await page.locator('#f-onShift-no').check();
    expect(await page.locator('#f-shiftLocation').count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    const card = page.locator('.govuk-summary-card[data-page="you"]');
    expect(await card.locator('.govuk-summary-card__title').textContent()).toBe('Your name');
    const row = async (path: string) =>
      squash(await card.locator(`[data-path="${path}"] .govuk-summary-list__value`).textContent());
    expect(await row('officerName')).toBe('Olivia Officer');
    expect(await row('email')).toBe('olivia.officer@example.gov.uk');
    expect(await row('postcode')).toBe('CT16 1JA');
    await checkPage(page, '151-parity-check-answers');

    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/cases\/BF-/);
    const [stored] = await app.sql<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM core."case" WHERE plugin_id = \'parity-fixture\' ORDER BY created_at DESC LIMIT 1',
    );
    expect(stored!.answers).toEqual({
      officerName: 'Olivia Officer',
      username: 'OFFICER',
      email: 'olivia.officer@example.gov.uk',
      postcode: 'CT16 1JA',
      registration: 'AB12CDE',
      surname: 'VAN DER BERG',
      onShift: false,
    });
    await page.context().close();
  });
});
