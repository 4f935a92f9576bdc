import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where screenshots go; test-output/ is git-ignored. */
export const SCREENSHOT_DIR = resolve(ROOT, 'test-output', 'screenshots');

/** Debian's Chromium; playwright-core never downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Viewports every page is checked at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  mobile: { width: 375, height: 812 },
} as const;

/** `describe` when run by jest.browser.config.js, `describe.skip` under the root config. */
export const describeBrowser: jest.Describe = process.env.COP_BROWSER_TESTS ? describe : describe.skip;

/** Launches headless Debian Chromium; fails with the install command when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install it with "apt-get update && apt-get install -y chromium"`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in with a demo account from the sign-in page. */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** On the start-shift page: a shift at the Port of Dover, in `teamId` or the team offered first. */
export async function startShift(page: Page, baseUrl: string, teamId?: string): Promise<void> {
  await page.waitForURL(/\/shift\/start/);
  await page.locator('#location-search').fill('Dover');
  const dover = page.locator('#location-results .govuk-radios__item', { hasText: 'Dover' }).first();
  await dover.waitFor();
  await dover.locator('input').check();
  if (teamId) await page.locator('#team').selectOption(teamId);
  else if (!(await page.locator('#team').inputValue())) await page.locator('#team').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Start shift' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** Signs in from the shell's front door and starts a shift, unless one started earlier is still on. */
export async function signInAndStartShift(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/sign-in/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/shift/start' || url.pathname === '/');
  if (new URL(page.url()).pathname === '/') return;
  await startShift(page, baseUrl);
}

/**
 * A fresh page in its own context (own sessionStorage), at desktop size. The shell's service
 * worker is blocked: `page.route` does not see requests a service worker makes, and specs that
 * cut the network that way must see every request (phone.browser.spec.ts tests the worker).
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.desktop,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
    // Specs wait with string predicates (waitForFunction), which Playwright evaluates in the page
    // and the shell's Content-Security-Policy refuses (no eval). The policy itself is checked in
    // contexts of its own by security-headers.browser.spec.ts.
    bypassCSP: true,
  });
  return context.newPage();
}

/** One accessibility problem axe found. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core (WCAG 2.2 A/AA and best practice) on the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated over the DevTools protocol, so a Content-Security-Policy cannot block it.
  await page.evaluate(`${axeSource};0`);
  const script = `axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }).then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)),
    })))`;
  return (await page.evaluate(script)) as AxeViolation[];
}

/** Fails the test, naming each rule and element, when axe finds any violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  const report = violations.map(
    (v) => `${label}: [${v.impact ?? 'n/a'}] ${v.id} - ${v.help} at ${v.targets.join(', ')}`,
  );
  expect(report).toEqual([]);
}

/** Saves a full-page screenshot as test-output/screenshots/<name>-<viewport>.png. */
export async function screenshot(
  page: Page,
  name: string,
  viewport: keyof typeof VIEWPORTS = 'desktop',
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}-${viewport}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Checks the current page at every viewport: axe finds nothing, and a screenshot is saved
 * for each. Leaves the page at desktop size.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await expectAccessible(page, `${name} (${viewport})`);
    await screenshot(page, name, viewport);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}
