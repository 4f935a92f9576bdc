import type { Browser, Locator, Page } from 'playwright-core';
import { FIXTURE_PLUGINS, signIn, startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

// The GOV.UK task list: a start form of `"type": "task-list"`. No real plugin has one, so the
// fixture plugin test/fixtures/plugins/shift-handover (sections Staffing, Incidents, Equipment)
// is loaded with the other fixtures (the broken ones are quarantined and the rest serve).
// Walks: every section "Not yet started"; the second section done first; Submit refused while
// the others are not done; the rest done (one left "In progress" on the way); check your
// answers; one Change link back to check your answers; submitted, the case page.
// Needs `npm run build:shell` first. Every page is checked with axe at 1280px and 375px.
describeBrowser('task-list form: shift handover', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURE_PLUGINS] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
  const task = (page: Page, title: string): Locator => page.locator('.govuk-task-list__item', { hasText: title });
  const taskStatus = async (page: Page, title: string) =>
    ((await task(page, title).locator('.govuk-task-list__status').textContent()) ?? '').trim();
  const statuses = async (page: Page) => ({
    Staffing: await taskStatus(page, 'Staffing'),
    Incidents: await taskStatus(page, 'Incidents'),
    Equipment: await taskStatus(page, 'Equipment'),
  });
  const saveAndContinue = (page: Page) => page.getByRole('button', { name: 'Save and continue' }).click();
  const summaryText = async (page: Page) => (await page.locator('.govuk-error-summary').textContent()) ?? '';
  const row = (page: Page, path: string) => page.locator(`[data-path="${path}"]`);
  const rowValue = async (page: Page, path: string) =>
    ((await row(page, path).locator('.govuk-summary-list__value').textContent()) ?? '').trim();
  const onTaskList = async (page: Page) => {
    // The task list is the form's first step (no `page` in the URL), and `page=tasks` after a section.
    await heading(page, 'Hand over the shift');
    expect([null, 'tasks']).toContain(new URL(page.url()).searchParams.get('page'));
  };

  it('loads the fixture: shift-handover is enabled while the broken fixtures are quarantined', async () => {
    const admin = await signIn(app, 'admin');
    const { plugins } = (await (await fetch(`${app.url}/api/plugins/status`, { headers: admin })).json()) as {
      plugins: { id: string; state: string; reason?: string }[];
    };
    expect(plugins.find((p) => p.id === 'shift-handover')).toMatchObject({ state: 'enabled' });
    expect(plugins.find((p) => p.id === 'bad-form')).toMatchObject({ state: 'quarantined' });
  });

  it('completes the sections in any order, refuses Submit until all are done, then submits', async () => {
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');

    // The task list: three sections, none started.
    await page.goto(`${app.url}/forms/shift-handover`);
    await onTaskList(page);
    expect(await page.locator('.govuk-task-list__item').count()).toBe(3);
    expect(await statuses(page)).toEqual({
      Staffing: 'Not yet started',
      Incidents: 'Not yet started',
      Equipment: 'Not yet started',
    });
    expect(await task(page, 'Incidents').locator('.govuk-tag').getAttribute('class')).toContain('govuk-tag--blue');
    expect(await page.title()).toMatch(/^Hand over the shift - Shift handover/);
    expect(await page.getByRole('link', { name: 'Back to your forms' }).count()).toBe(1);
    await checkPage(page, '70-task-list-not-started');

    // The second section first, with its errors.
    await task(page, 'Incidents').getByRole('link', { name: 'Incidents' }).click();
    await heading(page, 'Open incidents');
    expect(await page.getByRole('link', { name: 'Back', exact: true }).count()).toBe(1);
    await saveAndContinue(page);
    await page.locator('.govuk-error-summary').waitFor();
    expect(await summaryText(page)).toContain('Select the highest incident level on this shift');
    expect(await summaryText(page)).toContain('Select yes if any incidents are still open');
    expect(await page.locator('#f-incidentLevel-error').textContent()).toContain(
      'Select the highest incident level on this shift',
    );
    expect(await page.title()).toMatch(/^Error: Open incidents/);
    await checkPage(page, '71-task-list-section-errors');

    // Yes reveals the conditional question, itself required.
    await page.locator('#f-incidentLevel-minor').check();
    expect(await page.locator('#f-openIncidentDetails').count()).toBe(0);
    await page.locator('#f-incidentsOpen').check();
    await page.locator('#f-openIncidentDetails').waitFor();
    await saveAndContinue(page);
    await page.locator('#f-openIncidentDetails-error').waitFor();
    expect(await page.locator('#f-openIncidentDetails-error').textContent()).toContain('Describe the open incidents');
    expect(await page.locator('#f-incidentLevel-error').count()).toBe(0);
    await checkPage(page, '72-task-list-conditional-error');
    await page.locator('#f-openIncidentDetails').fill('Suspicious package at the Eastern Docks: police on scene.');
    await saveAndContinue(page);

    // Back on the task list: the second section is completed, the others not started.
    await onTaskList(page);
    expect(await statuses(page)).toEqual({
      Staffing: 'Not yet started',
      Incidents: 'Completed',
      Equipment: 'Not yet started',
    });
    expect(await task(page, 'Incidents').locator('.govuk-tag').count()).toBe(0); // completed is plain text, no tag
    await checkPage(page, '73-task-list-one-completed');

    // Submitting now is refused: the errors of the sections not done are listed.
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await heading(page, 'Check your answers');
    expect(await rowValue(page, 'incidentLevel')).toBe('Minor');
    expect(await rowValue(page, 'incomingSupervisor')).toBe('Not provided'); // sections not done are listed unanswered
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    const refused = await summaryText(page);
    expect(refused).toContain('Enter the name of the incoming supervisor');
    expect(refused).toContain('Enter how many officers are on duty');
    expect(refused).toContain('Select yes if the next shift is short of staff');
    expect(refused).toContain('Select whether the radios are working');
    expect(refused).toContain('Enter who holds the keys to the evidence store');
    expect(refused).not.toContain('incident');
    expect(new URL(page.url()).searchParams.get('page')).toBe('check');
    expect(await page.title()).toMatch(/^Error: Check your answers/);
    await checkPage(page, '74-task-list-submit-refused');

    // The error summary link opens the question's page, where the error is shown inline.
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter the name of the incoming supervisor' })
      .click();
    await heading(page, 'Staff on duty');
    await page.locator('#f-incomingSupervisor-error').waitFor();
    // The link puts focus on the question itself (GOV.UK error summary pattern).
    await page.waitForFunction("document.activeElement?.id === 'f-incomingSupervisor'");
    expect(await page.locator('#f-officersOnDuty-error').textContent()).toContain(
      'Enter how many officers are on duty',
    );
    await page.locator('#f-incomingSupervisor').fill('Sam Patel');
    await page.locator('#f-officersOnDuty').fill('12.5');
    await saveAndContinue(page);
    await page
      .locator('#f-officersOnDuty-error', { hasText: 'The number of officers on duty must be a whole number' })
      .waitFor();
    await page.locator('#f-incomingSupervisor-error').waitFor({ state: 'detached' });
    await page.locator('#f-officersOnDuty').fill('12');
    await saveAndContinue(page);
    // The section's next page still needs an answer, so the officer is taken there.
    await heading(page, 'Staff shortages');
    await page.locator('#f-shortStaffed-error').waitFor();
    await page.locator('#f-shortStaffed-no').check();
    expect(await page.locator('#f-shortageDetails').count()).toBe(0);
    await saveAndContinue(page);
    // Back on check your answers (where the error link was followed from): only the errors of
    // the section still not done are listed.
    await heading(page, 'Check your answers');
    const left = await summaryText(page);
    expect(left).toContain('Select whether the radios are working');
    expect(left).toContain('Enter who holds the keys to the evidence store');
    expect(left).not.toContain('incoming supervisor');
    expect(left).not.toContain('short of staff');
    expect(await rowValue(page, 'incomingSupervisor')).toBe('Sam Patel');

    // Back to the task list: staffing is now done too.
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await onTaskList(page);
    expect(await statuses(page)).toEqual({
      Staffing: 'Completed',
      Incidents: 'Completed',
      Equipment: 'Not yet started',
    });

    // A section left half done is "In progress".
    await task(page, 'Equipment').getByRole('link', { name: 'Equipment' }).click();
    await heading(page, 'Equipment checks');
    await page.locator('#f-radiosStatus-some-faulty').check();
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await onTaskList(page);
    expect(await statuses(page)).toEqual({ Staffing: 'Completed', Incidents: 'Completed', Equipment: 'In progress' });
    expect(await task(page, 'Equipment').locator('.govuk-tag').getAttribute('class')).toContain(
      'govuk-tag--light-blue',
    );
    await checkPage(page, '75-task-list-in-progress');

    await task(page, 'Equipment').getByRole('link', { name: 'Equipment' }).click();
    await heading(page, 'Equipment checks');
    expect(await page.locator('#f-radiosStatus-some-faulty').isChecked()).toBe(true);
    await page.locator('#f-keysHeldBy').fill('Duty manager');
    await saveAndContinue(page);
    await onTaskList(page);
    expect(await statuses(page)).toEqual({ Staffing: 'Completed', Incidents: 'Completed', Equipment: 'Completed' });
    await checkPage(page, '76-task-list-all-completed');

    // Check your answers, and one Change link: back to check your answers afterwards.
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await heading(page, 'Check your answers');
    expect(await rowValue(page, 'incomingSupervisor')).toBe('Sam Patel');
    expect(await rowValue(page, 'officersOnDuty')).toBe('12 officers');
    expect(await rowValue(page, 'shortStaffed')).toBe('No');
    expect(await rowValue(page, 'incidentsOpen')).toBe('Yes');
    expect(await rowValue(page, 'openIncidentDetails')).toBe(
      'Suspicious package at the Eastern Docks: police on scene.',
    );
    expect(await rowValue(page, 'radiosStatus')).toBe('Some are faulty');
    expect(await rowValue(page, 'keysHeldBy')).toBe('Duty manager');
    expect(await row(page, 'shortageDetails').count()).toBe(0);
    await checkPage(page, '77-task-list-check-answers');

    await page
      .locator('.govuk-summary-card', { has: row(page, 'incidentLevel') })
      .getByRole('link', { name: /Change/ })
      .click();
    await heading(page, 'Open incidents');
    expect(new URL(page.url()).searchParams.get('change')).toBe('1');
    expect(await page.locator('#f-incidentLevel-minor').isChecked()).toBe(true);
    await page.locator('#f-incidentLevel-major').check();
    await saveAndContinue(page);
    await heading(page, 'Check your answers');
    expect(await rowValue(page, 'incidentLevel')).toBe('Major');

    // Submitted: the case page.
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/cases\/[^/?]+$/);
    await page.locator('[data-testid="submitted-panel"]').waitFor();
    const businessKey = (await page.locator('.govuk-panel__body strong').textContent())!.trim();
    expect(businessKey).not.toBe('');
    expect(new URL(page.url()).pathname).toBe(`/cases/${businessKey}`);
    expect(((await page.locator('[data-testid="case-state"]').textContent()) ?? '').trim()).toBe('Submitted');
    await checkPage(page, '78-task-list-case-submitted');

    // The core holds the answers as the engine cleaned them.
    const [stored] = await app.sql<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM core.case WHERE business_key = $1',
      [businessKey],
    );
    expect(stored?.answers).toEqual({
      incomingSupervisor: 'Sam Patel',
      officersOnDuty: 12,
      shortStaffed: false,
      incidentLevel: 'major',
      incidentsOpen: true,
      openIncidentDetails: 'Suspicious package at the Eastern Docks: police on scene.',
      radiosStatus: 'some-faulty',
      keysHeldBy: 'Duty manager',
    });
    await page.context().close();
  });
});
