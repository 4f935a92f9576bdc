import type { Browser, Page } from 'playwright-core';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

// Refusal of entry's three-level task list (section → task → pages) in Chromium: its reference
// at the top (the business key the core reserved for the draft), "Cannot start yet" for the
// outcome until the passenger, document and power tasks are done, an optional task marked
// complete, tasks done out of order, and the case taking the reference shown. The passenger,
// document, arrival and risk answers come from a draft saved over the API (its autocompletes are
// covered elsewhere); the rest is done here. Needs `npm run build:shell` first; axe at 1280/375px.
describeBrowser('refusal of entry: a three-level task list done out of order', () => {
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

  const status = async (page: Page, task: string) =>
    ((await page.locator(`[data-task="${task}"] .govuk-task-list__status`).textContent()) ?? '').trim();
  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
  const onTaskList = () => (page: Page) => heading(page, 'Record further examination and refusal of entry');

  it('shows the reference, holds the outcome back until its prerequisites are done, and submits', async () => {
    const officer = await signIn(app, 'officer');
    const draftId = crypto.randomUUID();
    const seeded = await fetch(`${app.url}/api/plugins/refusal-of-entry/drafts/${draftId}`, {
      method: 'PUT',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        page: 'tasks',
        answers: {
          givenName: 'Maria',
          familyName: 'Silva',
          dateOfBirth: '1990-02-11',
          nationality: 'BRA',
          sex: 'female',
          port: 'heathrow',
          transportMode: 'air-passenger',
          flightNumber: 'BA0246',
          arrivedAt: '2026-04-12T13:05',
          team: 'heathrow-t5-arrivals-red-team',
          riskFactors: ['purpose-not-credible'],
          examinationSummary: 'Could not give the address of the friend she said she was visiting.',
        },
      }),
    });
    expect(seeded.status).toBe(200);
    const { businessKey } = (await seeded.json()) as { businessKey: string };
    expect(businessKey).toMatch(/^BF-\d{8}-\d+$/);

    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');
    await page.goto(`${app.url}/forms/refusal-of-entry?draft=${draftId}&page=tasks`);
    await onTaskList()(page);
    const reference = page.getByTestId('case-reference');
    expect((await reference.locator('dt').textContent())?.trim()).toBe('Reference number');
    expect((await reference.locator('dd').textContent())?.trim()).toBe(businessKey);
    expect(await page.locator('h2[data-section]').allTextContents()).toEqual([
      'The passenger',
      'The examination',
      'The decision',
    ]);
    expect(await status(page, 'passenger')).toBe('Completed');
    expect(await status(page, 'document')).toBe('Not yet started');
    expect(await status(page, 'power')).toBe('Not yet started');
    expect(await status(page, 'outcome')).toBe('Cannot start yet');
    expect(await page.locator('[data-task="outcome"] a').count()).toBe(0);
    await checkPage(page, '90-refusal-task-list-cannot-start');

    // A task that cannot start yet cannot be opened by its address either.
    await page.goto(`${app.url}/forms/refusal-of-entry?draft=${draftId}&page=outcome`);
    await onTaskList()(page);

    // The last task first: optional, marked complete by the officer.
    await page.locator('[data-task="additional"] a').click();
    await heading(page, 'Additional information');
    await page.locator('#mark-complete-yes').check();
    await checkPage(page, '91-refusal-mark-complete');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await onTaskList()(page);
    expect(await status(page, 'additional')).toBe('Completed');

    // The power used (the examination section) next.
    await page.locator('[data-task="power"] a').click();
    await heading(page, 'Power used');
    await page.locator('#f-powerUsed').check();
    await page.locator('#f-is81ServedAt-day').fill('12');
    await page.locator('#f-is81ServedAt-month').fill('4');
    await page.locator('#f-is81ServedAt-year').fill('2026');
    await page.locator('#f-is81ServedAt-time').fill('13:40');
    await page.locator('#f-interpreterUsed-no').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await onTaskList()(page);
    expect(await status(page, 'power')).toBe('Completed');
    expect(await status(page, 'outcome')).toBe('Cannot start yet'); // the document is still to do

    // The travel document (the first section) last but one: with "Save and return" half done first.
    await page.locator('[data-task="document"] a').click();
    await heading(page, 'Travel document');
    await page.locator('#f-documentNumber').fill('FX123456');
    await page.locator('#f-documentConcern-no').check();
    await page.getByRole('button', { name: 'Save as draft' }).waitFor();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the document type');
    await page.locator('#f-documentType').selectOption('passport');
    await page.locator('#f-issuingCountry').fill('Brazil');
    await page.locator('#f-issuingCountry-opt-BRA').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await onTaskList()(page);
    expect(await status(page, 'document')).toBe('Completed');
    expect(await status(page, 'outcome')).toBe('Not yet started');
    await checkPage(page, '92-refusal-outcome-can-start');

    // The outcome, now it can start.
    await page.locator('[data-task="outcome"] a').click();
    await heading(page, 'Outcome');
    await page.locator('#f-outcome').check(); // leave granted
    await page.locator('#f-decisionAt-day').fill('12');
    await page.locator('#f-decisionAt-month').fill('4');
    await page.locator('#f-decisionAt-year').fill('2026');
    await page.locator('#f-decisionAt-time').fill('16:20');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await onTaskList()(page);
    for (const task of ['passenger', 'document', 'arrival', 'risk', 'power', 'outcome', 'additional'])
      expect(await status(page, task)).toBe('Completed');

    await page.getByRole('link', { name: 'Check your answers' }).click();
    await heading(page, 'Check your answers');
    await checkPage(page, '93-refusal-check-answers');
    await page.getByRole('button', { name: 'Submit the examination record' }).click();
    await page.waitForURL(`**/cases/${businessKey}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).toContain(businessKey);
    await page.context().close();
  });
});
