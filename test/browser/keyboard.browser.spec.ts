import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage } from './browser.js';

/** Where focus is, and whether it shows the GOV.UK focus style (the yellow #ffdd00 focus colour). */
interface FocusState {
  tag: string;
  id: string;
  name: string;
  focusVisible: boolean;
  govukFocus: boolean;
}

// Evaluated in the page (a string, so no DOM types are needed here). Radios and checkboxes
// show focus on their label's ::before box; everything else on the element itself.
const FOCUS_STATE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', id: '', name: '', focusVisible: false, govukFocus: false };
  const yellow = (s) => [s.outlineColor, s.backgroundColor, s.boxShadow].some((v) => v && v.includes('255, 221, 0'));
  const ownStyle = getComputedStyle(el);
  let govukFocus = yellow(ownStyle) && (ownStyle.outlineStyle !== 'none' || ownStyle.boxShadow !== 'none' || ownStyle.backgroundColor.includes('255, 221, 0'));
  if (el.matches('input[type=radio], input[type=checkbox]')) {
    const label = el.labels && el.labels[0];
    govukFocus = !!label && yellow(getComputedStyle(label, '::before'));
  }
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 80),
    focusVisible: el.matches(':focus-visible'),
    govukFocus,
  };
})()`;

/**
 * Keyboard-only use: an officer manager signs in, starts a shift, opens a form, meets an error,
 * follows the error summary link, fills the form in, submits it and claims the task it made,
 * with nothing but Tab, Shift+Tab, Enter, Space, arrow keys and typing. Wherever focus lands it
 * must show the GOV.UK focus style.
 */
describeBrowser('keyboard only', () => {
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

  async function focus(page: Page): Promise<FocusState> {
    return (await page.evaluate(FOCUS_STATE)) as FocusState;
  }

  /** Where focus is now must be visible, in the GOV.UK style. */
  async function expectFocusShown(page: Page, where: string): Promise<FocusState> {
    const state = await focus(page);
    expect({ where, ...state, focusVisible: true, govukFocus: true }).toEqual({ where, ...state });
    return state;
  }

  /** Presses Tab (or Shift+Tab) until the element matching `selector` has focus, checking the focus style at each stop. */
  async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
    const key = options.back ? 'Shift+Tab' : 'Tab';
    for (let i = 0; i < (options.max ?? 80); i++) {
      await page.keyboard.press(key);
      const state = await focus(page);
      if (state.tag !== 'body') await expectFocusShown(page, `${key} #${i + 1} towards ${selector}`);
      if (await page.evaluate(`document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`))
        return;
    }
    throw new Error(`${selector} never got focus by ${key}`);
  }

  async function focusedIs(page: Page, selector: string): Promise<boolean> {
    return (await page.evaluate(
      `!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`,
    )) as boolean;
  }

  it('signs in, starts a shift, fills in and submits a form, and claims its task', async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.locator('#username').waitFor();

    // Sign in. Focus starts on main (as after every navigation), so Tab goes into the page, and
    // Shift+Tab back up through the header reaches the skip link.
    await tabTo(page, '.govuk-skip-link', { back: true });
    expect((await focus(page)).name).toBe('Skip to main content');
    await tabTo(page, '#username');
    await page.keyboard.type('manager');
    await tabTo(page, '#password');
    await page.keyboard.type('demo-password');
    await page.keyboard.press('Enter');

    // Start shift: the team is chosen already; search a location and pick it with the keyboard.
    await page.waitForURL(/\/shift\/start/);
    await page.locator('#location-search').waitFor();
    await tabTo(page, '#location-search');
    await page.keyboard.type('Dover');
    await page.locator('#location-results .govuk-radios__item', { hasText: 'Dover' }).first().waitFor();
    await page.waitForFunction(
      `[...document.querySelectorAll('#location-results .govuk-radios__item')].every((item) => /Dover/.test(item.textContent))`,
    );
    await tabTo(page, '#location-results input[type=radio]');
    await page.keyboard.press('Space');
    expect(await page.locator('#location-results .govuk-radios__item:has(input:checked)').textContent()).toContain(
      'Dover',
    );
    await tabTo(page, 'button[type=submit]');
    expect((await focus(page)).name).toBe('Start shift');
    await page.keyboard.press('Enter');

    // Dashboard: find the form by its title and open it.
    await page.waitForURL(`${app.url}/`);
    await page.locator('#form-search').waitFor();
    await tabTo(page, '#form-search');
    await page.keyboard.type('hot debrief');
    await tabTo(page, '[data-plugin-id="hot-debrief"] a');
    await page.keyboard.press('Enter');

    // The form: Continue with nothing chosen shows the error summary, which takes focus.
    await page.waitForURL(/\/forms\/hot-debrief\?draft=/);
    await page.locator('#f-description').waitFor();
    await tabTo(page, 'button[type=submit]');

    expect((await focus(page)).name).toBe('Continue');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-error-summary').waitFor();
    await page.waitForFunction(`!!document.activeElement && !!document.activeElement.closest('.govuk-error-summary')`);
    await checkPage(page, '60-keyboard-error-summary');

    // Follow the first link of the summary (the first question): focus goes to that question.
    await tabTo(page, '.govuk-error-summary a');
    expect((await focus(page)).name).toMatch(/debrief is about/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(`!!document.activeElement && document.activeElement.id === 'f-category'`);
    await expectFocusShown(page, 'question from the error summary');

    // Radios: the arrow keys move and choose.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="category"]:checked').getAttribute('value')).toBe('training');
    await expectFocusShown(page, 'second radio');

    // A date and time: day, month, year and time boxes in turn.
    await tabTo(page, '#f-occurredAt-day');
    await page.keyboard.type('3');
    await tabTo(page, '#f-occurredAt-month', { max: 1 });
    await page.keyboard.type('11');
    await tabTo(page, '#f-occurredAt-year', { max: 1 });
    await page.keyboard.type('2026');
    await tabTo(page, '#f-occurredAt-time', { max: 1 });
    await page.keyboard.type('9:45');

    // The rest of the page, forwards with Tab, and one step back with Shift+Tab.
    await tabTo(page, '#f-description');
    await page.keyboard.type('Barrier on lane 3 stuck down for ten minutes.');
    await tabTo(page, '#f-actionNeeded, [name="f-actionNeeded"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#f-actionDetails');
    await page.keyboard.type('Ask estates to service the barrier.');
    await tabTo(page, '#f-description', { back: true });
    expect(await focusedIs(page, '#f-description')).toBe(true);
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');

    // Check your answers, then Submit.
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await checkPage(page, '61-keyboard-check-answers');
    await tabTo(page, 'button.govuk-button:not(.govuk-button--secondary)');
    expect((await focus(page)).name).toBe('Submit');
    await page.keyboard.press('Enter');

    // The case, with its task: claim it.
    await page.waitForURL(/\/cases\/BF-\d{8}-\d+$/);
    await page.locator('[data-testid="case-tasks"]').waitFor();
    await tabTo(page, '[data-testid="case-tasks"] button');
    expect((await focus(page)).name).toMatch(/^Claim/);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="case-tasks"]').getByText('Morgan Manager').waitFor();
    await checkPage(page, '62-keyboard-task-claimed');
  });
});
