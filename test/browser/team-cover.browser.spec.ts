import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs, startShift } from './browser.js';

// Team cover in the shell: a manager gives a Felixstowe officer cover of a Dover team (meeting the
// core's field errors first), the officer is then offered that team when starting a shift, and once
// the manager ends the cover it is no longer offered. An officer has no way in. Needs
// `npm run build:shell` first. Every page is checked with axe at 1280px and 375px, with screenshots
// 100-… to 105-… in test-output/screenshots/.
const TEAM = 'dover-tourist-controls-team-1';
const TEAM_NAME = 'Dover Tourist Controls Team 1';

/** Tomorrow in the UK, as the boxes take it and as the shell writes it. */
function tomorrowInUk(): { day: string; month: string; year: string; words: string; short: string } {
  const at = new Date(Date.now() + 86_400_000);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'Europe/London' }).format(at);
  const [day, month, year] = [part({ day: 'numeric' }), part({ month: 'numeric' }), part({ year: 'numeric' })];
  return {
    day,
    month,
    year,
    words: `${day} ${part({ month: 'long' })} ${year}`,
    short: `${day} ${part({ month: 'long' })}`,
  };
}

describeBrowser('team cover', () => {
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

  const focusedTestId = (page: Page) =>
    page.evaluate(`document.activeElement && document.activeElement.getAttribute('data-testid')`);
  const teamOptions = async (page: Page) => {
    await page.locator('#team option', { hasText: 'Felixstowe Freight Team A' }).waitFor({ state: 'attached' });
    return (await page.locator('#team option').allTextContents()).map((t) => t.trim());
  };

  async function fillUntil(page: Page, day: string, month: string, year: string, hour: string, minute: string) {
    for (const [part, value] of Object.entries({ day, month, year, hour, minute }))
      await page.locator(`#cover-to-${part}`).fill(value);
  }

  it('a manager gives freight cover of a Dover team, freight is offered it, and not after the cover ends', async () => {
    const manager = await newPage(browser);
    await signInAs(manager, app.url, 'manager');
    await startShift(manager, app.url);
    await manager.getByRole('link', { name: 'Team cover', exact: true }).click();
    await manager.waitForURL(`${app.url}/team-cover`);
    await manager.getByRole('heading', { level: 1, name: 'Team cover' }).waitFor();
    expect(await manager.title()).toBe('Team cover - Central Operations Platform');
    await manager.locator('[data-testid="no-covers"]').waitFor();
    // Olivia Officer's standing memberships of two other Dover teams are listed apart, without a button.
    expect(await manager.locator('[data-testid="members"]').textContent()).toContain('Olivia Officer (officer)');
    const offered = (await manager.locator('#cover-team option').allTextContents()).map((t) => t.trim());
    expect(offered).toContain(TEAM_NAME);
    expect(offered).not.toContain('Felixstowe Freight Team A'); // not in the manager's command
    await checkPage(manager, '100-team-cover');

    // The core refuses an unknown username and a cover of more than 31 days, beside each input.
    const tomorrow = tomorrowInUk();
    const later = new Date(Date.now() + 40 * 86_400_000);
    await manager.getByLabel('Username').fill('nobody');
    await manager.getByLabel('Team they will cover').selectOption(TEAM);
    await fillUntil(
      manager,
      String(later.getUTCDate()),
      String(later.getUTCMonth() + 1),
      String(later.getUTCFullYear()),
      '18',
      '00',
    );
    await manager.getByLabel('Reason').fill('Covering the Saturday peak');
    await manager.getByRole('button', { name: 'Give cover' }).click();
    const summary = manager.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.locator('a').allTextContents()).toEqual([
      'There is no one with that username',
      'A cover can last at most 31 days',
    ]);
    expect(await manager.locator('#cover-username-error').textContent()).toContain(
      'There is no one with that username',
    );
    expect(await manager.locator('#cover-to-error').textContent()).toContain('A cover can last at most 31 days');
    expect(await manager.title()).toBe('Error: Team cover - Central Operations Platform');
    await manager.waitForFunction(`document.activeElement?.classList.contains('govuk-error-summary')`);
    await checkPage(manager, '101-team-cover-errors');
    await summary.getByRole('link', { name: 'There is no one with that username' }).click();
    await manager.waitForFunction(`document.activeElement?.id === 'cover-username'`);

    // Until 6pm tomorrow: granted, announced in a focused banner, listed.
    await manager.getByLabel('Username').fill('freight');
    await fillUntil(manager, tomorrow.day, tomorrow.month, tomorrow.year, '18', '00');
    await manager.getByRole('button', { name: 'Give cover' }).click();
    const done = manager.locator('[data-testid="cover-done"]');
    await done.waitFor();
    expect(await done.textContent()).toContain(
      `Fatima Freight can work on ${TEAM_NAME} until ${tomorrow.words}, 6:00pm`,
    );
    expect(await focusedTestId(manager)).toBe('cover-done');
    expect(await manager.title()).toBe('Team cover - Central Operations Platform');
    const card = manager.locator('[data-testid="cover"]');
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe('Fatima Freight (freight)');
    expect(await card.locator('.govuk-summary-list__value').allTextContents()).toEqual([
      TEAM_NAME,
      expect.stringMatching(/^\s*\d{1,2} \w+ \d{4}, \d{1,2}:\d{2}(am|pm)\s*$/), // now, without "Not started"
      `${tomorrow.words}, 6:00pm`,
      'Covering the Saturday peak',
    ]);
    expect(await manager.getByLabel('Username').inputValue()).toBe('');
    await checkPage(manager, '102-team-cover-granted');

    // Freight, at Felixstowe, may now start a shift on the Dover team.
    const freight = await newPage(browser);
    await signInAs(freight, app.url, 'freight');
    await freight.waitForURL(/\/shift\/start/);
    const withCover = await teamOptions(freight);
    const coverOption = withCover.find((t) => t.startsWith(`${TEAM_NAME} (cover until`));
    expect(coverOption).toBeDefined();
    expect(coverOption).toContain(tomorrow.short);
    expect(coverOption).toContain('18:00');
    await freight.locator('#team').selectOption(TEAM); // shown in the screenshot
    await checkPage(freight, '103-start-shift-with-cover');

    // The manager ends it at once.
    await manager.getByRole('button', { name: `End cover for Fatima Freight on ${TEAM_NAME}` }).click();
    await done.filter({ hasText: `Cover ended for Fatima Freight on ${TEAM_NAME}` }).waitFor();
    expect(await focusedTestId(manager)).toBe('cover-done');
    await manager.locator('[data-testid="no-covers"]').waitFor();
    expect(await manager.locator('[data-testid="cover"]').count()).toBe(0);
    await checkPage(manager, '104-team-cover-ended');

    await freight.reload();
    const withoutCover = await teamOptions(freight);
    expect(withoutCover.some((t) => t.startsWith(TEAM_NAME))).toBe(false);
    expect(withoutCover).toEqual(['Choose a team', 'Felixstowe Freight Team A']);

    const audit = await app.sql<{ action: string; actor: string }>(
      "SELECT action, actor FROM core.audit WHERE entity_type = 'team-cover' ORDER BY id",
    );
    expect(audit).toEqual([
      { action: 'team-cover.granted', actor: 'manager' },
      { action: 'team-cover.revoked', actor: 'manager' },
    ]);
    const [stored] = await app.sql<{ team_id: string; reason: string; revoked: boolean }>(
      `SELECT c.team_id, c.reason, c.revoked_at IS NOT NULL AS revoked FROM core.team_cover c
       JOIN core.app_user u ON u.id = c.user_id WHERE u.username = 'freight' AND c.kind = 'cover'`,
    );
    expect(stored).toEqual({ team_id: TEAM, reason: 'Covering the Saturday peak', revoked: true });
    await freight.context().close();
    await manager.context().close();
  });

  it('an officer has no link to team cover and gets the forbidden page at its address', async () => {
    const officer = await newPage(browser);
    await signInAs(officer, app.url, 'officer');
    await startShift(officer, app.url);
    expect(await officer.getByRole('link', { name: 'Team cover', exact: true }).count()).toBe(0);
    await officer.goto(`${app.url}/team-cover`);
    await officer.getByRole('heading', { level: 1, name: 'You do not have permission to view this page' }).waitFor();
    expect(await officer.locator('form').count()).toBe(0);
    await checkPage(officer, '105-team-cover-forbidden');
    await officer.context().close();
  });
});
