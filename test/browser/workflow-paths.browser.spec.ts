// Code passed to page.waitForFunction runs in the browser; this stands in for the DOM global there.
declare const document: { querySelector(selector: string): { textContent: string | null } | null };
import type { Browser, Page } from 'playwright-core';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

// Workflow paths the shell implements that no other browser suite walks through:
//  - an action with a form (event-at-border's "Record referral outcome and close", form
//    `referral-outcome`) filled in on /cases/:id/actions/:actionId, with inline errors first;
//  - the 409 path: the case changes underneath an open case page, the action the officer takes
//    is refused, the page says so and "Reload the case" shows the new state.
// (The GOV.UK task list is covered by task-list.browser.spec.ts, with the shift-handover fixture.)
// Needs `npm run build:shell` first. Every page is checked with axe at 1280px and 375px.
describeBrowser('workflow paths: action forms and changed cases', () => {
  let app: TestApp;
  let browser: Browser;
  let officer: Record<string, string>;
  let manager: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  /** A cocaine seizure at Dover, submitted by the officer through the API (as in the e2e journey). */
  async function submitSeizure(): Promise<{ id: string; businessKey: string }> {
    const created = await call('POST', '/api/plugins/event-at-border/cases', officer, {
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
        summary: 'Car examined at the Eastern Docks after the dog indicated on the boot.',
      },
    });
    expect(created.body.errors).toBeUndefined();
    expect(created.status).toBe(201);
    return { id: created.body.id as string, businessKey: created.body.businessKey as string };
  }

  async function openCase(page: Page, businessKey: string): Promise<void> {
    await page.goto(`${app.url}/cases/${businessKey}`);
    await page.getByRole('heading', { level: 1, name: businessKey }).waitFor();
  }

  const text = async (page: Page, testId: string) =>
    ((await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '').trim();

  it('records the referral outcome through the action form: errors first, then the case is closed', async () => {
    const { id, businessKey } = await submitSeizure();
    const referred = await call('POST', `/api/cases/${id}/actions/refer-intelligence-hub`, manager, { version: 1 });
    expect(referred.body).toMatchObject({ state: 'with-intelligence-hub', version: 2 });

    const intel = await newPage(browser);
    await signInAndStartShift(intel, app.url, 'intel');
    await openCase(intel, businessKey);
    expect(await text(intel, 'case-state')).toBe('With the intelligence hub');
    const actions = intel.locator('[data-testid="case-actions"]');
    await checkPage(intel, '60-case-with-action-forms');

    // The action has a form, so it is a link to the action page, not a button.
    await actions.getByRole('link', { name: 'Record referral outcome and close' }).click();
    await intel.waitForURL(new RegExp(`/cases/${businessKey}/actions/record-referral-outcome`));
    await intel.getByRole('heading', { level: 1, name: 'Outcome of the referral' }).waitFor();
    expect(await intel.locator('.govuk-caption-l').first().textContent()).toContain(
      'Record referral outcome and close',
    );
    expect(await intel.getByRole('link', { name: `Back to ${businessKey}` }).count()).toBe(1);
    // An action form is not a draft: there is no "Save as draft".
    expect(await intel.getByRole('button', { name: 'Save as draft' }).count()).toBe(0);

    // Sent empty: the required question is flagged inline and in the summary.
    await intel.getByRole('button', { name: 'Continue' }).click();
    await intel.locator('.govuk-error-summary').waitFor();
    expect(await intel.locator('.govuk-error-summary').textContent()).toContain('what happened to the referral');
    expect(await intel.locator('#f-referralOutcome-error').textContent()).toContain('what happened to the referral');
    expect(await intel.title()).toMatch(/^Error: Outcome of the referral/);
    await checkPage(intel, '61-action-form-errors');

    // "Adopted by a partner agency" reveals a required question, also checked.
    await intel.getByLabel('Adopted by a partner agency').check();
    await intel.locator('#f-partnerAgency').waitFor();
    await intel.getByRole('button', { name: 'Continue' }).click();
    await intel.locator('#f-partnerAgency-error').waitFor();
    expect(await intel.locator('#f-referralOutcome-error').count()).toBe(0);
    expect(await intel.locator('.govuk-error-summary').textContent()).toContain('the agency');
    await checkPage(intel, '62-action-form-conditional-error');

    await intel.locator('#f-partnerAgency').fill('National Crime Agency');
    await intel.locator('#f-notes').fill('Adopted by the NCA for the organised crime group.');
    await intel.getByRole('button', { name: 'Continue' }).click();
    await intel.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    expect(await intel.locator('.govuk-error-summary').count()).toBe(0);
    expect(await intel.title()).not.toMatch(/^Error:/);
    expect(await intel.locator('[data-path="referralOutcome"] .govuk-summary-list__value').textContent()).toContain(
      'Adopted by a partner agency',
    );
    expect((await intel.locator('[data-path="partnerAgency"] .govuk-summary-list__value').textContent())?.trim()).toBe(
      'National Crime Agency',
    );
    await checkPage(intel, '63-action-form-check');

    await intel.getByRole('button', { name: 'Record referral outcome and close' }).click();
    await intel.waitForURL(new RegExp(`/cases/${businessKey}$`));
    await intel.locator('[data-testid="action-done"]').waitFor();
    expect(await text(intel, 'action-done')).toContain('Record referral outcome and close: done');
    expect(await text(intel, 'case-state')).toBe('Closed');
    expect(await intel.locator('[data-testid="case-state"]').getAttribute('class')).toContain('govuk-tag--grey');
    expect(await intel.locator('[data-testid="case-actions"]').count()).toBe(0);
    const timeline = await text(intel, 'case-timeline');
    expect(timeline).toContain('Action taken: Refer to the intelligence hub');
    expect(timeline).toContain('Action taken: Record referral outcome and close');
    await checkPage(intel, '64-case-closed-by-action-form');

    // The core has the answers and the closed case.
    const closed = await call('GET', `/api/cases/${id}`, manager);
    expect(closed.body).toMatchObject({ state: 'closed', terminal: true, version: 3 });
    const audit = await app.sql<{ detail: { action: string } }>(
      "SELECT detail FROM core.audit WHERE case_id = $1 AND action = 'case.transitioned' ORDER BY id",
      [id],
    );
    expect(audit.map((a) => a.detail.action)).toEqual(['refer-intelligence-hub', 'record-referral-outcome']);
    await intel.context().close();
  });

  it('says someone else changed the case when it changed underneath, and Reload shows the new state', async () => {
    const { id, businessKey } = await submitSeizure();
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'manager');
    await openCase(page, businessKey);
    expect(await text(page, 'case-state')).toBe('Awaiting review and routing');
    await page
      .locator('[data-testid="case-actions"]')
      .getByRole('button', { name: 'Refer to the intelligence hub' })
      .waitFor();

    // Meanwhile another officer of the team routes the case to the cash team.
    const moved = await call('POST', `/api/cases/${id}/actions/refer-cash-team`, officer, { version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: 'with-cash-team', version: 2 });

    // The manager, still looking at version 1, takes an action: refused, and the page says why.
    await page
      .locator('[data-testid="case-actions"]')
      .getByRole('button', { name: 'Refer to the intelligence hub' })
      .click();
    const conflict = page.locator('[data-testid="conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else changed this case since you opened it');
    expect(await page.locator('[data-testid="action-done"]').count()).toBe(0);
    expect(await text(page, 'case-state')).toBe('Awaiting review and routing'); // not changed by the refusal
    await checkPage(page, '65-case-conflict');

    await conflict.getByRole('link', { name: 'Reload the case' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="case-state"]')?.textContent?.trim() === 'With the cash team',
    );
    expect(new URL(page.url()).pathname).toBe(`/cases/${businessKey}`);
    expect(await text(page, 'case-timeline')).toContain('Action taken: Refer to the cash team');
    // The actions offered now are those of the new state.
    expect(await page.getByRole('button', { name: 'Refer to the intelligence hub' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Record referral outcome and close' }).count()).toBe(1);
    await checkPage(page, '66-case-reloaded');

    // Nothing was changed by the refused action.
    const now = await call('GET', `/api/cases/${id}`, manager);
    expect(now.body).toMatchObject({ state: 'with-cash-team', version: 2 });
    await page.context().close();
  });

  it('says the action is not possible now when an action form is sent after the case moved on', async () => {
    const { id, businessKey } = await submitSeizure();
    expect(
      (await call('POST', `/api/cases/${id}/actions/refer-intelligence-hub`, manager, { version: 1 })).status,
    ).toBe(200);
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'manager');
    await page.goto(`${app.url}/cases/${businessKey}/actions/request-information`);
    await page.getByRole('heading', { level: 1, name: 'What do you need to know?' }).waitFor();
    await page.locator('#f-questions').fill('Photographs of the concealment, please.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();

    // Meanwhile the case is closed by the officer.
    const closed = await call('POST', `/api/cases/${id}/actions/record-referral-outcome`, officer, {
      version: 2,
      answers: { referralOutcome: 'no-further-action' },
    });
    expect(closed.status).toBe(200);

    // The form shows the core's reason (the case is now closed) with a link back to the case.
    await page.getByRole('button', { name: 'Ask the port for more information' }).click();
    const conflict = page.locator('[data-testid="conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(
      'This case is "Closed": "Ask the port for more information" is not possible now',
    );
    await checkPage(page, '67-action-form-conflict');

    await conflict.getByRole('link', { name: 'Reload the case' }).click();
    await page.waitForURL(new RegExp(`/cases/${businessKey}$`));
    await page.getByRole('heading', { level: 1, name: businessKey }).waitFor();
    expect(await text(page, 'case-state')).toBe('Closed');
    expect(await text(page, 'case-timeline')).toContain('Action taken: Record referral outcome and close');
    await checkPage(page, '68-case-reloaded-closed');
    await page.context().close();
  });
});
