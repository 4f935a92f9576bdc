import type { Browser, Page } from 'playwright-core';
import { FIXTURE_PLUGINS, signIn, startTestApp, type TestApp } from '../utils/app.js';
import { VIEWPORTS, describeBrowser, expectAccessible, launchBrowser, screenshot, startShift } from './browser.js';

// Issue 19: the officer's shell on a 375px phone, keyboard only (Tab, Shift+Tab, Enter, Space,
// arrows and typing), on a weak signal. Needs `npm run build:shell` first. Every page met is
// checked with axe at 375px and a screenshot saved as `130-…` onwards.
describeBrowser('the shell on a phone, keyboard only', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURE_PLUGINS] }); // shift-handover: a task list
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page in its own context at 375px; the service worker only where a test is about it. */
  async function phone(options: { serviceWorker?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: VIEWPORTS.mobile,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      serviceWorkers: options.serviceWorker ? 'allow' : 'block',
      // Its string predicates (waitForFunction) are evaluated in the page, which the shell's
      // Content-Security-Policy refuses (no eval); security-headers.browser.spec.ts checks the policy.
      bypassCSP: true,
    });
    return context.newPage();
  }

  /** Axe finds nothing at 375px, and a screenshot is kept. */
  async function check(page: Page, name: string): Promise<void> {
    await expectAccessible(page, name);
    await screenshot(page, name, 'mobile');
  }

  async function focused(page: Page, selector: string): Promise<boolean> {
    return (await page.evaluate(
      `!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`,
    )) as boolean;
  }

  async function waitForFocus(page: Page, selector: string): Promise<void> {
    await page.waitForFunction(
      `!!document.activeElement && !!document.activeElement.closest(${JSON.stringify(selector)})`,
      undefined,
      { timeout: 5000 },
    );
  }

  /** Presses Tab (or Shift+Tab) until the element matching `selector` has focus. */
  async function tabTo(page: Page, selector: string, options: { back?: boolean; max?: number } = {}): Promise<number> {
    for (let i = 1; i <= (options.max ?? 80); i++) {
      await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
      if (await focused(page, selector)) return i;
    }
    throw new Error(`${selector} never got focus`);
  }

  /** Signs in with the keyboard, and starts a shift at Dover unless one is on. */
  async function signInByKeyboard(page: Page, username: string): Promise<void> {
    await page.goto(`${app.url}/sign-in`);
    await page.locator('#username').waitFor();
    await tabTo(page, '#username');
    await page.keyboard.type(username);
    await tabTo(page, '#password');
    await page.keyboard.type('demo-password');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/shift/start' || url.pathname === '/');
    if (new URL(page.url()).pathname === '/shift/start') await startShift(page, app.url);
  }

  it('collapses the header behind a Menu toggle at 375px', async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.locator('[data-testid="task-counts"]').waitFor();

    const toggle = page.locator('button.govuk-service-navigation__toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-controls')).toBe('navigation');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#navigation').isVisible()).toBe(false);
    // Organisation bar, service name, Menu and the beta banner: well under the 380px of before.
    const header = await page.locator('body > cop-root > header').boundingBox();
    expect(header!.height).toBeLessThan(240);
    await check(page, '130-phone-menu-closed');

    await page.locator('#main-content').focus();
    await tabTo(page, 'button.govuk-service-navigation__toggle', { back: true });
    await page.keyboard.press('Enter');
    await page.locator('#navigation').waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await check(page, '131-phone-menu-open');
    await tabTo(page, '#navigation a[href="/tasks"]', { max: 4 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tasks$/);
    await page.locator('#navigation').waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // At desktop width the links show and the toggle is hidden from everyone.
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.waitForFunction(`!!document.querySelector('button.govuk-service-navigation__toggle[hidden]')`);
    expect(await page.locator('#navigation').isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-hidden')).toBe('true');
    await page.context().close();
  });

  it('offers Claim only where the officer may claim, focuses the success notice, and shows a refusal', async () => {
    await app.sql(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
       SELECT 'BF-PHONE-' || g, 'hot-debrief', 'hot-debrief', 1, '{}'::jsonb, 'submitted',
              'dover-tourist-controls-team-1', (SELECT id FROM core.app_user WHERE username = 'officer')
         FROM generate_series(1, 3) g`,
    );
    // BF-PHONE-1 is for managers only; 2 and 3 any officer of the team may claim.
    await app.sql(
      `INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, candidate_role, priority, priority_rank, created_at)
       SELECT id, 'hot-debrief', 'submitted', 'Review hot debrief', team_id,
              CASE WHEN business_key = 'BF-PHONE-1' THEN 'manager' END, 'urgent', 4,
              now() - substring(business_key from 10)::int * interval '1 minute'
         FROM core.case WHERE business_key LIKE 'BF-PHONE-%'`,
    );
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.goto(`${app.url}/tasks?tab=team`);
    const card = (key: string) => page.locator(`[data-testid="task-cards"] [data-case="${key}"]`);
    await card('BF-PHONE-1').waitFor();
    expect(await card('BF-PHONE-1').getByRole('button').count()).toBe(0);
    expect(
      await card('BF-PHONE-2')
        .getByRole('button', { name: /^Claim/ })
        .count(),
    ).toBe(1);

    // Claim BF-PHONE-2: the success notice takes focus.
    await tabTo(page, '[data-case="BF-PHONE-2"] button');
    await page.keyboard.press('Enter');
    await waitForFocus(page, '[data-testid="task-notice"]');
    expect(await page.locator('[data-testid="task-notice"]').textContent()).toContain(
      'You claimed "Review hot debrief" on BF-PHONE-2',
    );
    await check(page, '132-phone-task-claimed');

    // Someone else claims BF-PHONE-3 first: pressing Claim shows why, and focus goes to the message.
    const other = await signIn(app, 'officer2');
    const [task] = await app.sql<{ id: string }>(
      `SELECT t.id FROM core.task t JOIN core.case c ON c.id = t.case_id WHERE c.business_key = 'BF-PHONE-3'`,
    );
    const taken = await fetch(`${app.url}/api/tasks/${task!.id}/claim`, { method: 'POST', headers: other });
    expect(taken.status).toBeLessThan(300);
    await tabTo(page, '[data-case="BF-PHONE-3"] button');
    await page.keyboard.press('Enter');
    await waitForFocus(page, '.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('This task is already claimed by');
    await card('BF-PHONE-3').getByText('Nobody yet').waitFor({ state: 'detached' });
    expect(await card('BF-PHONE-3').getByRole('button').count()).toBe(0);
    await check(page, '133-phone-claim-refused');
    await page.context().close();
  });

  it('moves focus to the heading or the error summary on every wizard page and titles each page', async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.goto(`${app.url}/forms/event-at-border`);
    await page.getByRole('heading', { level: 1, name: 'About the event' }).waitFor();
    await waitForFocus(page, 'h1');
    expect(await page.title()).toBe('About the event - Record an event at the border - Central Operations Platform');

    await page.locator('#f-eventDateTime-day').fill('3');
    await page.locator('#f-eventDateTime-month').fill('11');
    await page.locator('#f-eventDateTime-year').fill('2026');
    await page.locator('#f-eventDateTime-time').fill('9:45');
    await page.locator('#f-transportMode').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Seizure').focus();
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');

    // The next page: its heading has focus (not the Continue button), and the title names it.
    await page.getByRole('heading', { level: 1, name: 'What was seized' }).waitFor();
    await waitForFocus(page, 'h1.cop-page-heading');
    expect(await page.title()).toBe('What was seized - Record an event at the border - Central Operations Platform');
    await check(page, '134-phone-wizard-next-page');

    // Continue with nothing: the error summary has focus, and the title says so.
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await waitForFocus(page, '.govuk-error-summary');
    expect(await page.title()).toMatch(/^Error: What was seized/);

    // Back: the heading of the page before has focus again.
    await tabTo(page, '.govuk-back-link', { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'About the event' }).waitFor();
    await waitForFocus(page, 'h1.cop-page-heading');
    expect(await page.title()).toBe('About the event - Record an event at the border - Central Operations Platform');
    await page.context().close();
  });

  it("puts the officer's work first on the dashboard, and shows search results as cards with state labels", async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.locator('[data-testid="task-counts"]').waitFor();
    // Shift, tasks and drafts come before the first form, in the page and for the keyboard.
    const above = (await page.evaluate(`(() => {
      const first = document.querySelector('[data-plugin-id]');
      return ['cop-shift-summary', '[data-testid="task-counts"]', 'cop-your-work h2:last-of-type']
        .map((s) => !!(document.querySelector(s).compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING));
    })()`)) as boolean[];
    expect(above).toEqual([true, true, true]);
    const shift = await page.locator('cop-shift-summary').boundingBox();
    expect(shift!.y).toBeLessThan(812);
    await check(page, '135-phone-dashboard');

    const auth = await signIn(app, 'officer');
    const created = await fetch(`${app.url}/api/plugins/event-at-border/cases`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        answers: {
          eventDateTime: new Date(Date.now() - 3600_000).toISOString().slice(0, 16),
          port: 'dover',
          transportMode: 'roro-tourist',
          outcome: 'seizure',
          items: [{ item: 'cocaine', quantity: 1.2, unit: 'kg' }],
          concealmentMethod: 'vehicle-adapted-compartment',
          detectionMethod: 'detector-dog',
          personsInvolved: false,
          vehicleRegistration: 'ab12 cde',
          targeted: false,
          summary: 'Car examined at the Eastern Docks; nothing found.',
        },
      }),
    });
    expect(created.status).toBe(201);
    const { businessKey } = (await created.json()) as { businessKey: string };

    await page.goto(`${app.url}/search`);
    await page.locator('#search-term').selectOption('vehicle.registration');
    await page.locator('#search-value').fill('ab12cde');
    await page.locator('#search-value').press('Enter');
    const total = page.locator('[data-testid="search-total"]');
    await total.waitFor();
    expect((await total.textContent())!.trim()).toBe('1 case with vehicle registration AB12 CDE');
    const card = page.locator(`.govuk-summary-card[data-case="${businessKey}"]`);
    await card.waitFor();
    const state = ((await card.locator('dd').first().textContent()) ?? '').trim();
    expect(state).not.toMatch(/^[a-z]+(-[a-z]+)*$/); // a label ("Awaiting triage"), not an id
    // The key stays on one line.
    const key = card.locator('a.cop-key');
    const box = await key.boundingBox();
    expect(box!.height).toBeLessThan(40);
    expect(await page.evaluate(`document.documentElement.scrollWidth`)).toBeLessThanOrEqual(375);
    await check(page, '136-phone-search-cards');
    await page.context().close();
  });

  it('removes every copy of a draft saved offline once it is sent, and reopens a draft where it was left', async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer2');
    await page.goto(`${app.url}/forms/hot-debrief`);
    await page.waitForURL(/draft=[0-9a-f-]{36}/);
    const draftId = new URL(page.url()).searchParams.get('draft')!;
    await page.locator('#f-description').fill('Barrier on lane 3 stuck.');
    // Saved on the server with what there is so far.
    await page.getByRole('button', { name: 'Save as draft' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="draft-notice"]', { hasText: 'Your draft has been saved' }).waitFor();
    expect(await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId])).toHaveLength(1);

    // The signal drops: the rest is saved on this device only.
    await page.context().setOffline(true);
    await page.locator('input[name="category"]').first().focus();
    await page.keyboard.press('Space');
    await page.locator('#f-occurredAt-day').fill('3');
    await page.locator('#f-occurredAt-month').fill('11');
    await page.locator('#f-occurredAt-year').fill('2026');
    await page.locator('#f-occurredAt-time').fill('9:45');
    await page.locator('#f-actionNeeded-no').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save as draft' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="draft-notice"]', { hasText: 'Saved on this device' }).waitFor();
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await page.waitForTimeout(400); // kept on the device 250 ms after the change of page

    // Reopened from "Your drafts", it opens at check your answers, where it was left.
    await page.context().setOffline(false);
    await page.goto(`${app.url}/forms/hot-debrief?draft=${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('check');

    // Back online, sent straight away: no copy is left, on the server or here.
    await tabTo(page, 'button.govuk-button:not(.govuk-button--secondary)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/BF-/);
    await page.waitForTimeout(1500); // a send of the draft on its way must not bring it back
    const officer2 = await signIn(app, 'officer2');
    const drafts = (await (await fetch(`${app.url}/api/drafts`, { headers: officer2 })).json()) as {
      drafts: unknown[];
    };
    expect(drafts.drafts).toEqual([]);
    expect(await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId])).toEqual([]);
    await page.goto(`${app.url}/`);
    await page.getByText('You have no drafts.').waitFor();
    await check(page, '137-phone-no-drafts-after-sending');
    await page.context().close();
  });

  it('reopens a draft saved on another device at the page it was saved on', async () => {
    const officer2 = await signIn(app, 'officer2');
    const draftId = crypto.randomUUID();
    const put = (page: string) =>
      fetch(`${app.url}/api/plugins/hot-debrief/drafts/${draftId}`, {
        method: 'PUT',
        headers: { ...officer2, 'content-type': 'application/json' },
        body: JSON.stringify({ answers: { description: 'Saved on the desk computer.' }, page }),
      });
    const refused = await put('nowhere');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: unknown[] }).errors).toEqual([
      { path: 'page', message: "page must be one of this form's pages (debrief, check)" },
    ]);
    expect((await put('check')).status).toBe(200);
    // This phone has no copy of it: the server's page decides where it opens.
    const page = await phone();
    await signInByKeyboard(page, 'officer2');
    await page.goto(`${app.url}/forms/hot-debrief?draft=${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('check');
    await page.getByText('Saved on the desk computer.').waitFor();
    await page.context().close();
  });

  it("defaults the shift's location to the team's port, then to the last one used", async () => {
    const page = await phone();
    await page.goto(`${app.url}/sign-in`);
    await page.locator('#username').fill('freight');
    await page.locator('#password').fill('demo-password');
    await page.locator('#password').press('Enter');
    await page.waitForURL(/\/shift\/start/);
    const chosen = page.locator('#location-results .govuk-radios__item:has(input:checked)');
    await chosen.waitFor();
    expect(await chosen.textContent()).toContain('Felixstowe');
    await check(page, '138-phone-start-shift-default');

    // A shift at Dover instead; the next shift on this device offers Dover.
    await startShift(page, app.url);
    await page.getByRole('button', { name: 'End shift' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/shift\/start/);
    await chosen.waitFor();
    expect(await chosen.textContent()).toContain('Dover');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${app.url}/`);
    await page.context().close();
  });

  it('says one thing when a form cannot be submitted offline, and sends it to the drafts once back online', async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.goto(`${app.url}/forms/hot-debrief`);
    await page.waitForURL(/draft=[0-9a-f-]{36}/);
    const draftId = new URL(page.url()).searchParams.get('draft')!;
    await page.locator('input[name="category"]').first().focus();
    await page.keyboard.press('Space');
    await page.locator('#f-occurredAt-day').fill('3');
    await page.locator('#f-occurredAt-month').fill('11');
    await page.locator('#f-occurredAt-year').fill('2026');
    await page.locator('#f-occurredAt-time').fill('9:45');
    await page.locator('#f-description').fill('Lane 2 camera down.');
    await page.locator('#f-actionNeeded-no').focus();
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();

    await page.context().setOffline(true);
    await tabTo(page, 'button.govuk-button:not(.govuk-button--secondary)');
    await page.keyboard.press('Enter');
    await waitForFocus(page, '.govuk-error-summary');
    const message = ((await page.locator('.govuk-error-summary').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(message).toContain("we'll send it to your drafts when you're back online");
    expect(message).not.toContain('submit again');
    await check(page, '139-phone-offline-submit');

    await page.context().setOffline(false);
    let rows: unknown[] = [];
    for (let i = 0; i < 50 && rows.length === 0; i++) {
      await page.waitForTimeout(200);
      rows = await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId]);
    }
    expect(rows).toHaveLength(1);
    await page.context().close();
  });

  it('offers only the pre-filled port until the officer searches, and groups check your answers by page', async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.goto(`${app.url}/forms/event-at-border`);
    await page.getByRole('heading', { level: 1, name: 'About the event' }).waitFor();
    // Pre-filled from the shift: Dover alone, chosen; searching offers the others.
    const offered = page.locator('#f-port-results .govuk-radios__item');
    await offered.first().waitFor();
    expect(await offered.allTextContents()).toEqual([expect.stringContaining('Port of Dover')]);
    expect(await page.locator('#f-port-results input:checked').count()).toBe(1);
    await check(page, '140-phone-port-prefilled');
    await page.locator('#f-port').fill('Port');
    await page.waitForFunction(`document.querySelectorAll('#f-port-results .govuk-radios__item').length > 1`);
    await page.locator('#f-port').fill('');
    await page.waitForFunction(`document.querySelectorAll('#f-port-results .govuk-radios__item').length === 1`);

    await page.locator('#f-eventDateTime-day').fill('3');
    await page.locator('#f-eventDateTime-month').fill('11');
    await page.locator('#f-eventDateTime-year').fill('2026');
    await page.locator('#f-eventDateTime-time').fill('9:45');
    await page.locator('#f-transportMode').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Seizure').focus();
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'What was seized' }).waitFor();
    await page.getByRole('button', { name: 'Add an item' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#f-items-0-item').fill('cocaine');
    await page.locator('#f-items-0-item-opt-cocaine').focus();
    await page.keyboard.press('Space');
    await page.locator('#f-items-0-quantity').fill('2.5');
    await page.locator('#f-items-0-unit').selectOption('kg');
    await page.locator('#f-concealmentMethod').selectOption({ index: 1 });
    await page.locator('#f-detectionMethod').selectOption({ index: 1 });
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'People involved' }).waitFor();
    await page.locator('#f-personsInvolved-no').focus();
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vehicle and target' }).waitFor();
    await page.locator('#f-targeted-no').focus();
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Summary of the event' }).waitFor();
    await page.locator('#f-summary').fill('Cocaine in the spare wheel.');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    const cards = page.locator('.govuk-summary-card[data-page]');
    expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-page')))).toEqual([
      'event',
      'seizure',
      'persons',
      'vehicle-and-target',
      'summary',
    ]);
    for (const card of await cards.all()) expect(await card.getByRole('link', { name: /^Change/ }).count()).toBe(1);
    expect(await page.locator('[data-path] a').count()).toBe(0);
    const quantity = page.locator('[data-path="items[0].quantity"] .govuk-summary-list__value');
    expect(((await quantity.textContent()) ?? '').trim()).toBe('2.5 kilograms (kg)');
    expect(await page.locator('[data-path="items[0].unit"]').count()).toBe(0);
    await check(page, '141-phone-check-answers-grouped');

    // A page's Change link opens that page.
    await tabTo(page, '[data-page="seizure"] .govuk-summary-card__actions a', { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'What was seized' }).waitFor();
    await page.context().close();
  });

  it("does not show a task-list section's errors before the officer has touched it", async () => {
    const page = await phone();
    await signInByKeyboard(page, 'officer');
    await page.goto(`${app.url}/forms/shift-handover`);
    await page.getByRole('heading', { level: 1, name: 'Hand over the shift' }).waitFor();
    await page.getByRole('link', { name: 'Check your answers' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await tabTo(page, 'button.govuk-button:not(.govuk-button--secondary)');
    await page.keyboard.press('Enter');
    await waitForFocus(page, '.govuk-error-summary');

    // Back to the task list, then a section opened from it: no errors yet.
    await tabTo(page, '.govuk-back-link', { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Hand over the shift' }).waitFor();
    await tabTo(page, '.govuk-task-list__link');
    const section = ((await page.evaluate(`document.activeElement.textContent`)) as string).trim();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !!url.searchParams.get('page') && url.searchParams.get('page') !== 'tasks');
    await waitForFocus(page, 'h1.cop-page-heading');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    expect(await page.locator('.govuk-error-message').count()).toBe(0);
    expect(await page.title()).not.toMatch(/^Error:/);
    await check(page, `142-phone-task-list-section-untouched`);

    // Save and continue with nothing answered: now its errors show.
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await waitForFocus(page, '.govuk-error-summary');
    expect(section).toBeTruthy();
    await page.context().close();
  });

  it('reloads a form offline with its answers, and reopens a draft from "Your drafts" with no network', async () => {
    const page = await phone({ serviceWorker: true });
    await signInByKeyboard(page, 'officer');
    await page.locator('[data-testid="task-counts"]').waitFor();
    // The worker installs (keeping the whole shell) and takes control of the page.
    await page.waitForFunction(`!!navigator.serviceWorker && !!navigator.serviceWorker.controller`, undefined, {
      timeout: 15000,
    });
    await page.goto(`${app.url}/forms/hot-debrief`);
    await page.waitForURL(/draft=[0-9a-f-]{36}/);
    const formUrl = page.url();
    await page.locator('#f-description').fill('Lane 4 gate stuck open.');
    await page.waitForTimeout(400); // kept on the device 250 ms after a change

    await page.context().setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'What happened' }).waitFor();
    expect(await page.locator('#f-description').inputValue()).toBe('Lane 4 gate stuck open.');
    expect(page.url()).toBe(formUrl);
    await check(page, '143-phone-offline-reload');

    // The dashboard, still offline: the draft is listed (kept on this device) and opens.
    await page.goto(`${app.url}/`);
    const draft = page.locator(
      `[data-testid="drafts"] [data-draft-id="${new URL(formUrl).searchParams.get('draft')}"]`,
    );
    await draft.waitFor();
    await draft.getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.locator('#f-description').waitFor();
    expect(await page.locator('#f-description').inputValue()).toBe('Lane 4 gate stuck open.');
    await check(page, '144-phone-offline-draft-reopened');
    await page.context().setOffline(false);
    await page.context().close();
  });
});
