import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

const PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'officer-plugins');

// Pre-fill from the signed-in officer and lists filtered by another answer, on the officer-fixture
// plugin (test/fixtures/officer-plugins): the officer's names and email shown read-only, grade and
// team pre-filled; autocompletes with their menu inline worked with the keyboard only; a team list
// that follows the chosen port, its answer cleared when the port changes. Axe at 1280px and 375px
// with the menu open. Needs `npm run build:shell` first.
describeBrowser('pre-fill from the officer, and an inline autocomplete filtered by another answer', () => {
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
  const options = async (page: Page, id: string) =>
    (await page.locator(`#${id}-listbox [role="option"]`).allTextContents()).map(squash);
  /** Types into a combobox, moves to the match named with the arrow keys, and chooses it with Enter. */
  const chooseWithKeys = async (page: Page, id: string, typed: string, label: string) => {
    const box = page.locator(`#${id}`);
    await box.fill(typed);
    await page.locator(`#${id}-listbox`).waitFor();
    const index = (await options(page, id)).indexOf(label);
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    // The shell renders after each key: wait for the state rather than read it at once.
    await page.locator(`#${id}[aria-activedescendant="${id}-option-${index}"]`).waitFor();
    await box.press('Enter');
    await page.locator(`#${id}[aria-expanded="false"]`).waitFor();
    expect(await box.inputValue()).toBe(label);
  };

  it('pre-fills the officer, filters the team by the port, and stores what was chosen', async () => {
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');
    await page.goto(`${app.url}/forms/officer-fixture`);

    await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
    expect(squash(await page.locator('#f-givenName').textContent())).toBe('Olivia');
    expect(squash(await page.locator('#f-familyName').textContent())).toBe('Officer');
    expect(squash(await page.locator('#f-email').textContent())).toBe('olivia.officer@example.gov.uk');
    expect(await page.locator('input[name="givenName"], input[name="email"]').count()).toBe(0);
    expect(await page.locator('#f-grade').inputValue()).toBe('AO');

    // The usual location: an ARIA combobox whose menu opens under it, in the page.
    const location = page.locator('#f-location');
    expect(await location.getAttribute('role')).toBe('combobox');
    expect(await location.getAttribute('aria-expanded')).toBe('false');
    await location.fill('Dov');
    await page.locator('#f-location-listbox').waitFor();
    expect(await location.getAttribute('aria-expanded')).toBe('true');
    expect(await options(page, 'f-location')).toContain('Port of Dover');
    await checkPage(page, '160-inline-autocomplete-open');
    await chooseWithKeys(page, 'f-location', 'Dov', 'Port of Dover');
    await page.getByRole('button', { name: 'Continue' }).click();

    // The port comes from the shift; the team list holds only that port's teams.
    await page.getByRole('heading', { level: 1, name: 'Where you are' }).waitFor();
    expect(await page.locator('#f-port').inputValue()).toBe('Port of Dover');
    await page.locator('#f-portTeam').fill('Team');
    await page.locator('#f-portTeam-listbox').waitFor();
    expect(await options(page, 'f-portTeam')).toEqual([
      'Detector Dog Team South East',
      'Dover Freight Team A',
      'Dover Freight Team B',
      'Dover Tourist Controls Team 1',
      'Dover Tourist Controls Team 2',
    ]);
    await page.locator('#f-portTeam').press('Escape');
    await chooseWithKeys(page, 'f-portTeam', 'Freight Team A', 'Dover Freight Team A');

    // Another port: the Dover team is no longer offered, so it is cleared, and Felixstowe's are.
    await chooseWithKeys(page, 'f-port', 'Felixstowe', 'Port of Felixstowe');
    await page.waitForFunction(`document.querySelector('#f-portTeam').value === ''`);
    await page.locator('#f-portTeam').fill('Dover');
    await page.locator('#f-portTeam-listbox').waitFor();
    expect(await options(page, 'f-portTeam')).toEqual(['No results found']);
    expect(squash(await page.locator('#f-portTeam ~ [role="status"]').textContent())).toBe('No search results');
    await checkPage(page, '161-filtered-autocomplete-no-results');
    await chooseWithKeys(page, 'f-portTeam', 'Felixstowe Freight Team A', 'Felixstowe Freight Team A');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/cases\/BF-/);
    const [stored] = await app.sql<{ answers: Record<string, unknown> }>(
      `SELECT answers FROM core."case" WHERE plugin_id = 'officer-fixture' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(stored!.answers).toEqual({
      givenName: 'Olivia',
      familyName: 'Officer',
      email: 'olivia.officer@example.gov.uk',
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      port: 'felixstowe',
      portTeam: 'felixstowe-freight-team-a',
    });
    await page.context().close();
  });
});
