// Code passed to page.evaluate runs in the browser; these stand in for the DOM globals there.
declare const document: { activeElement: { id: string } | null };
declare const navigator: { onLine: boolean };
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

// Part 2 of the shell: an officer fills in and submits "Record an event at the border" (a
// conditional page with a repeating items group), sees the case and its task; a manager
// claims the task from the team list and routes the case; search finds it by a term value.
// Needs `npm run build:shell` first. Every page is checked with axe at 1280px and 375px.
describeBrowser('forms, cases, tasks and search', () => {
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

  async function heading(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function continueOn(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('the officer records a seizure, the manager claims and routes it, and search finds it', async () => {
    const officer = await newPage(browser);
    await signInAndStartShift(officer, app.url, 'officer');
    await officer.locator('[data-testid="task-counts"]').waitFor();
    await officer.locator('[data-plugin-id="event-at-border"] a').click();

    // Page 1: required answers, and an incomplete date input.
    await heading(officer, 'About the event');
    await officer.waitForURL(/draft=[0-9a-f-]{36}/);
    expect(await officer.locator('#f-port-chosen, #f-port-opt-dover').count()).toBeGreaterThan(0); // pre-filled from the shift
    await officer.locator('#f-eventDateTime-day').fill('3');
    await officer.locator('#f-eventDateTime-month').fill('11');
    await continueOn(officer);
    await officer.locator('.govuk-error-summary').waitFor();
    const summary = await officer.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Date and time of the event must include a year and time');
    expect(summary).toContain('Select the mode of transport');
    expect(summary).toContain('Select the outcome');
    expect(await officer.title()).toMatch(/^Error: About the event/);
    expect(await officer.locator('#f-eventDateTime-error').textContent()).toContain('must include a year and time');
    await checkPage(officer, '20-form-page-errors');

    await officer.locator('.govuk-error-summary a', { hasText: 'Select the outcome' }).click();
    expect(await officer.evaluate(() => document.activeElement?.id)).toBe('f-outcome');
    await officer.locator('#f-eventDateTime-year').fill('2026');
    await officer.locator('#f-eventDateTime-time').fill('9:45');
    await officer.locator('#f-transportMode').check();
    await officer.getByLabel('Seizure').check();
    await continueOn(officer);

    // The seizure page appears because of the outcome (a condition); a repeating group of items.
    await heading(officer, 'What was seized');
    await continueOn(officer);
    await officer.locator('.govuk-error-summary').waitFor();
    expect(await officer.locator('.govuk-error-summary').textContent()).toContain('Add at least one item seized');
    await officer.getByRole('button', { name: 'Add an item' }).click();
    await officer.locator('#f-items-0-item').fill('cocaine');
    await officer.locator('#f-items-0-item-opt-cocaine').check();
    await officer.locator('#f-items-0-quantity').fill('two');
    await officer.locator('#f-items-0-unit').selectOption('kg');
    await officer.getByRole('button', { name: 'Add another item' }).click();
    await officer.locator('#f-items-1-quantity').fill('5');
    await officer.locator('#f-concealmentMethod').selectOption({ index: 1 });
    await officer.locator('#f-detectionMethod').selectOption({ index: 1 });
    await continueOn(officer);
    await officer.locator('#f-items-0-quantity-error').waitFor();
    expect(await officer.locator('#f-items-0-quantity-error').textContent()).toContain('Quantity must be a number');
    expect(await officer.locator('.govuk-error-summary').textContent()).toContain('Select the item');
    await checkPage(officer, '21-form-group-errors');
    // Both items put right; a third added by mistake is removed again.
    await officer.locator('#f-items-0-quantity').fill('2');
    await officer.locator('#f-items-1-item').fill('cigarettes');
    await officer.locator('#f-items-1-item-opt-cigarettes').check();
    await officer.locator('#f-items-1-quantity').fill('4000');
    await officer.locator('#f-items-1-unit').selectOption('sticks');
    await officer.getByRole('button', { name: 'Add another item' }).click();
    await officer.locator('[data-item="2"]').waitFor();
    await officer.getByRole('button', { name: 'Remove item 3' }).click();
    await officer.locator('[data-item="2"]').waitFor({ state: 'detached' });
    expect(await officer.locator('[data-item]').count()).toBe(2);
    await continueOn(officer);

    // People: a yes/no that reveals a group.
    await heading(officer, 'People involved');
    await officer.locator('#f-personsInvolved').check();
    await officer.getByRole('button', { name: 'Add a person' }).waitFor();
    await officer.locator('#f-personsInvolved-no').check();
    await officer.getByRole('button', { name: 'Add a person' }).waitFor({ state: 'detached' });
    await continueOn(officer);

    await heading(officer, 'Vehicle and target');
    await officer.locator('#f-vehicleRegistration').fill('AB12 CDE');
    await officer.locator('#f-targeted-no').check();
    await continueOn(officer);

    await heading(officer, 'Summary of the event');
    await officer.locator('#f-summary').fill('Two kilograms of cocaine found in the spare wheel.');
    await officer.getByRole('button', { name: 'Save as draft' }).click();
    await officer.locator('[data-testid="draft-notice"]').waitFor();
    expect(await officer.locator('[data-testid="draft-notice"]').textContent()).toContain('Your draft has been saved');
    await continueOn(officer);

    // Check your answers, then change one answer through its page's Change link.
    await heading(officer, 'Check your answers');
    expect(await officer.locator('[data-path="items[0].item"] .govuk-summary-list__value').textContent()).toContain(
      'Cocaine',
    );
    expect(await officer.locator('[data-path="items[1].item"] .govuk-summary-list__value').textContent()).toContain(
      'Cigarettes',
    );
    await checkPage(officer, '22-check-answers');
    // Answers are grouped by page, one Change link per page.
    await officer.locator('[data-page="vehicle-and-target"] .govuk-summary-card__actions a').click();
    await heading(officer, 'Vehicle and target');
    await officer.locator('#f-vehicleRegistration').fill('XY34 ZZZ');
    await continueOn(officer);
    await heading(officer, 'Check your answers');
    expect(
      (await officer.locator('[data-path="vehicleRegistration"] .govuk-summary-list__value').textContent())?.trim(),
    ).toBe('XY34 ZZZ');

    await officer.getByRole('button', { name: 'Submit' }).click();
    await officer.waitForURL(/\/cases\/BF-\d{8}-\d+$/);
    await officer.locator('[data-testid="submitted-panel"]').waitFor();
    const businessKey = (await officer.locator('.govuk-panel__body strong').textContent())!.trim();
    expect(
      await app.sql("SELECT answers->'items' AS items FROM core.case WHERE business_key = $1", [businessKey]),
    ).toEqual([
      {
        items: [
          { item: 'cocaine', quantity: 2, unit: 'kg' },
          { item: 'cigarettes', quantity: 4000, unit: 'sticks' },
        ],
      },
    ]);
    expect(businessKey).toMatch(/^BF-\d{8}-\d+$/);
    await officer.locator('[data-testid="case-tasks"]').waitFor();
    expect(await officer.locator('[data-testid="case-tasks"]').textContent()).toContain(
      'Review event and send the referral to the right team',
    );
    expect(await officer.locator('[data-testid="case-summary"]').textContent()).toContain('XY34 ZZZ');
    await checkPage(officer, '23-case-submitted');
    // The officer sees the plain history, not the audit trail (views, addresses, before and after).
    await officer.locator('[data-testid="case-timeline"]').waitFor();
    expect(await officer.getByRole('heading', { name: 'Audit trail' }).count()).toBe(0);
    expect(await officer.locator('[data-testid="case-audit"]').count()).toBe(0);

    // The manager claims the task from the team list and takes the workflow action.
    const manager = await newPage(browser);
    await signInAndStartShift(manager, app.url, 'manager');
    await manager.getByRole('link', { name: 'Tasks', exact: true }).click();
    await heading(manager, 'Tasks');
    await manager.locator('.cop-tabs').getByRole('link', { name: "My team's tasks" }).click();
    const row = manager.locator(`tr[data-case="${businessKey}"]`);
    await row.waitFor();
    await checkPage(manager, '24-team-tasks');
    await row.getByRole('button', { name: /^Claim/ }).click();
    await manager.locator('[data-testid="task-notice"]').waitFor();
    expect(await row.textContent()).toContain('Morgan Manager');
    await checkPage(manager, '25-task-claimed');
    await row.getByRole('link', { name: businessKey }).click();
    await manager.waitForURL(new RegExp(`/cases/${businessKey}$`));
    await manager.locator('[data-testid="case-actions"]').waitFor();
    await checkPage(manager, '26-case-manager');
    await manager.getByRole('button', { name: 'Refer to the intelligence hub' }).click();
    await manager.locator('[data-testid="action-done"]').waitFor();
    expect((await manager.locator('[data-testid="case-state"]').textContent())?.trim()).toBe(
      'With the intelligence hub',
    );
    expect(await manager.locator('[data-testid="case-timeline"]').textContent()).toContain(
      'Action taken: Refer to the intelligence hub',
    );
    // The manager also sees the audit trail: who viewed and changed the case, when, from where, before and after.
    const audit = manager.locator('[data-testid="case-audit"]');
    await manager.getByRole('heading', { level: 2, name: 'Audit trail' }).waitFor();
    await audit.getByText('state changed from').first().waitFor();
    const trail = (await audit.textContent()) ?? '';
    expect(trail).toContain('Case created');
    expect(trail).toContain('Case viewed');
    expect(trail).toMatch(/officer, .*, from [0-9a-f.:]+/);
    expect(trail).toMatch(/manager, .*, from [0-9a-f.:]+/);
    expect(await manager.locator('[data-testid="case-timeline"]').textContent()).not.toContain('Case viewed');
    await manager.locator('#comment').fill('Sent to the hub for the drugs desk.');
    await manager.getByRole('button', { name: 'Add comment' }).click();
    await manager.getByText('Sent to the hub for the drugs desk.').first().waitFor();
    await checkPage(manager, '27-case-routed');

    // Search finds the case by the vehicle registration, whatever the spacing and case.
    await officer.getByRole('link', { name: 'Search', exact: true }).click();
    await heading(officer, 'Search cases');
    await officer.locator('#search-term').selectOption('vehicle.registration');
    await officer.locator('#search-value').fill('xy34zzz');
    await officer.getByRole('button', { name: 'Search', exact: true }).click();
    await officer.locator('[data-testid="search-total"]').waitFor();
    await officer.getByRole('link', { name: businessKey }).waitFor();
    await checkPage(officer, '28-search-results');

    // The dashboard lists the task counts.
    await officer.getByRole('link', { name: 'Dashboard' }).click();
    await officer.locator('[data-testid="task-counts"]').waitFor();
    await checkPage(officer, '29-dashboard-with-work');
  });

  it('keeps a form on the device while offline and sends the draft when back online', async () => {
    const officer = await newPage(browser);
    await signInAndStartShift(officer, app.url, 'officer2');
    await officer.locator('[data-plugin-id="hot-debrief"] a').click();
    await officer.waitForURL(/draft=[0-9a-f-]{36}/);
    const draftId = new URL(officer.url()).searchParams.get('draft')!;
    await officer.locator('form .govuk-form-group').first().waitFor();
    await officer.locator('#f-description').fill('Barrier on lane 3 failed.');
    await officer.context().setOffline(true);
    await officer.getByRole('button', { name: 'Save as draft' }).click();
    await officer.locator('[data-testid="draft-notice"]').waitFor();
    expect(await officer.locator('[data-testid="draft-notice"]').textContent()).toContain(
      "Saved on this device. We'll send it to your drafts when you're back online",
    );
    await checkPage(officer, '30-saved-offline');
    expect(await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId])).toEqual([]);
    await officer.context().setOffline(false);
    await officer.waitForFunction(() => navigator.onLine);
    for (let i = 0; i < 50 && (await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId])).length === 0; i++)
      await officer.waitForTimeout(100);
    expect(await app.sql('SELECT answers FROM core.draft WHERE id = $1', [draftId])).toEqual([
      { answers: expect.objectContaining({ description: 'Barrier on lane 3 failed.' }) },
    ]);

    // A reload (as after signing in again) restores the answers from the device.
    await officer.reload();
    await officer.locator('#f-description').waitFor();
    expect(await officer.locator('#f-description').inputValue()).toBe('Barrier on lane 3 failed.');
    await officer.goto(`${app.url}/`);
    await officer.locator('[data-testid="drafts"]').waitFor();
    expect(await officer.locator('[data-testid="drafts"]').textContent()).toContain('Hot debrief');
  });

  it('sends a draft the server could not take, with the latest answers, once it answers; lists drafts kept on the device', async () => {
    const officer = await newPage(browser);
    await signInAndStartShift(officer, app.url, 'officer');
    await officer.locator('[data-plugin-id="hot-debrief"] a').click();
    await officer.waitForURL(/draft=[0-9a-f-]{36}/);
    const draftId = new URL(officer.url()).searchParams.get('draft')!;
    await officer.locator('#f-description').fill('Camera on lane 5 down.');

    // A weak signal at the port: the browser says it is online, but the server cannot be reached.
    const unreachable = '**/api/plugins/*/drafts/*';
    await officer.route(unreachable, (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await officer.getByRole('button', { name: 'Save as draft' }).click();
    await officer.locator('[data-testid="draft-notice"]').waitFor();
    expect(await officer.locator('[data-testid="draft-notice"]').textContent()).toContain('Saved on this device');
    expect(await officer.evaluate(() => navigator.onLine)).toBe(true);
    expect(await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId])).toEqual([]);

    // Answers changed after that save are what goes, without saving again.
    await officer.locator('#f-description').fill('Camera on lane 5 down. Engineer called.');
    await officer.waitForTimeout(600); // the renderer keeps the form on the device 250 ms after a change

    // The server answers again: the retry sends it with no action from the officer.
    await officer.unroute(unreachable);
    let rows: { answers: Record<string, unknown> }[] = [];
    for (let i = 0; i < 90 && rows.length === 0; i++) {
      await officer.waitForTimeout(500);
      rows = (await app.sql('SELECT answers FROM core.draft WHERE id = $1', [draftId])) as typeof rows;
    }
    expect(rows).toEqual([
      { answers: expect.objectContaining({ description: 'Camera on lane 5 down. Engineer called.' }) },
    ]);

    // A form only kept on this device (never saved) is listed too, so the officer can get back to it.
    await officer.getByRole('link', { name: 'Dashboard' }).click();
    await officer.locator('[data-plugin-id="hot-debrief"] a').click();
    await officer.waitForURL((url) => /draft=[0-9a-f-]{36}/.test(url.search) && !url.search.includes(draftId));
    const localId = new URL(officer.url()).searchParams.get('draft')!;
    await officer.locator('#f-description').fill('Kept here only');
    await officer.waitForTimeout(600);
    await officer.getByRole('link', { name: 'Dashboard' }).click();
    const local = officer.locator(`[data-testid="drafts"] [data-draft-id="${localId}"]`);
    await local.waitFor();
    expect(await local.textContent()).toContain('Saved on this device');
    expect(
      await officer
        .locator(`[data-testid="drafts"] [data-draft-id="${draftId}"] [data-draft-state]`)
        .getAttribute('data-draft-state'),
    ).toBe('saved');
    expect(await app.sql('SELECT id FROM core.draft WHERE id = $1', [localId])).toEqual([]);
    await checkPage(officer, '31-drafts-on-device');
    await local.getByRole('link').click();
    await officer.waitForURL(new RegExp(`draft=${localId}`));
    await officer.locator('#f-description').waitFor();
    expect(await officer.locator('[data-testid="kept-on-device"]').textContent()).toContain(
      'Your answers are saved on this device as you go',
    );
    expect(await officer.locator('#f-description').inputValue()).toBe('Kept here only');

    // A form opened and left without an answer is not kept as a draft.
    await officer.getByRole('link', { name: 'Dashboard' }).click();
    await officer.locator('[data-plugin-id="hot-debrief"] a').click();
    await officer.waitForURL(
      (url) => /draft=[0-9a-f-]{36}/.test(url.search) && !url.search.includes(localId) && !url.search.includes(draftId),
    );
    const untouchedId = new URL(officer.url()).searchParams.get('draft')!;
    await officer.locator('#f-description').waitFor();
    await officer.waitForTimeout(600);
    await officer.getByRole('link', { name: 'Dashboard' }).click();
    await local.waitFor();
    expect(await officer.locator(`[data-testid="drafts"] [data-draft-id="${untouchedId}"]`).count()).toBe(0);

    // Drafts can be deleted: from this device and from the server.
    await local.getByRole('button', { name: /^Delete/ }).click();
    await local.waitFor({ state: 'detached' });
    expect(await officer.locator('[data-testid="draft-deleted"]').textContent()).toContain(
      'The Hot debrief draft has been deleted.',
    );
    const saved = officer.locator(`[data-testid="drafts"] [data-draft-id="${draftId}"]`);
    await saved.getByRole('button', { name: /^Delete/ }).click();
    await saved.waitFor({ state: 'detached' });
    expect(await app.sql('SELECT id FROM core.draft WHERE id = $1', [draftId])).toEqual([]);
    await officer.reload();
    await officer.locator('[data-testid="drafts"], [data-testid="task-counts"]').first().waitFor();
    await officer.waitForTimeout(300);
    expect(await officer.locator(`[data-draft-id="${draftId}"], [data-draft-id="${localId}"]`).count()).toBe(0);
    await checkPage(officer, '32-drafts-deleted');
  });
});
