import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAs } from './browser.js';

// The team queue in the shell: paging forward and back through a queue of 60 tasks, filtering,
// sorting, claiming and releasing. Needs `npm run build:shell` first.
describeBrowser('task queues', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    // 60 open tasks for the officer's team, 15 of each priority.
    await app.sql(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
       SELECT 'BF-QUEUE-' || lpad(g::text, 2, '0'), 'hot-debrief', 'hot-debrief', 1, '{}'::jsonb, 'submitted',
              'dover-tourist-controls-team-1', (SELECT id FROM core.app_user WHERE username = 'officer')
         FROM generate_series(1, 60) g`,
    );
    await app.sql(
      `INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, priority, priority_rank, due_at, created_at)
       SELECT c.id, 'hot-debrief', 'submitted', 'Review hot debrief', c.team_id,
              (ARRAY['low', 'medium', 'high', 'urgent'])[1 + n % 4], 1 + n % 4,
              now() + n * interval '1 hour', now() - n * interval '1 minute'
         FROM core.case c, LATERAL (SELECT substring(c.business_key from 10)::int AS n) k
        WHERE c.business_key LIKE 'BF-QUEUE-%'`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const rows = async (page: Page) =>
    Promise.all(
      (await page.locator('[data-testid="task-table"] tbody tr').all()).map((tr) => tr.getAttribute('data-case')),
    );
  const pageNumber = async (page: Page) =>
    ((await page.locator('[data-testid="page-number"]').textContent()) ?? '').trim();
  const waitForPage = async (page: Page, n: number) =>
    page.locator('[data-testid="page-number"]', { hasText: `Page ${n}` }).waitFor();

  it('pages a team queue forward and back, filters it, and claims and releases a task', async () => {
    const officer = await newPage(browser);
    await signInAs(officer, app.url, 'officer');
    await officer.waitForURL((url) => url.pathname === '/shift/start' || url.pathname === '/');
    await officer.goto(`${app.url}/tasks?tab=team`);
    await officer.locator('[data-testid="task-table"]').waitFor();
    expect(await pageNumber(officer)).toBe('Page 1');
    expect(await officer.getByRole('link', { name: /^Previous/ }).count()).toBe(0);
    const first = await rows(officer);
    expect(first).toHaveLength(25);
    await checkPage(officer, '80-tasks-page-1');

    await officer.getByRole('link', { name: /^Next/ }).click();
    await waitForPage(officer, 2);
    const second = await rows(officer);
    expect(second).toHaveLength(25);
    expect(second.filter((key) => first.includes(key))).toEqual([]);
    await officer.getByRole('link', { name: /^Next/ }).click();
    await waitForPage(officer, 3);
    const third = await rows(officer);
    expect(third).toHaveLength(10);
    expect(await officer.getByRole('link', { name: /^Next/ }).count()).toBe(0);
    await checkPage(officer, '81-tasks-last-page');

    // Previous goes back one page at a time, to the same tasks.
    await officer.getByRole('link', { name: /^Previous/ }).click();
    await waitForPage(officer, 2);
    expect(await rows(officer)).toEqual(second);
    await officer.getByRole('link', { name: /^Previous/ }).click();
    await waitForPage(officer, 1);
    expect(await rows(officer)).toEqual(first);
    expect(new Set([...first, ...second, ...third]).size).toBe(60);

    // Filter: urgent only, 15 tasks on one page, every one urgent.
    await officer.locator('.govuk-details__summary').click();
    await officer.locator('#filter-priority').selectOption('urgent');
    await officer.getByRole('button', { name: 'Apply' }).click();
    await officer.waitForURL(/priority=urgent/);
    await officer.waitForFunction(`document.querySelectorAll('[data-testid="task-table"] tbody tr').length === 15`);
    expect(new Set(await officer.locator('[data-testid="task-table"] tbody .govuk-tag').allTextContents()).size).toBe(
      1,
    );
    expect(await officer.locator('[data-testid="page-number"]').count()).toBe(0);

    // Claim, then release.
    const row = officer.locator('[data-testid="task-table"] tbody tr').first();
    const key = await row.getAttribute('data-case');
    await row.getByRole('button', { name: /^Claim/ }).click();
    await officer.locator('[data-testid="task-notice"]').waitFor();
    const claimed = officer.locator(`[data-testid="task-table"] tr[data-case="${key}"]`);
    expect(await claimed.textContent()).toContain('Olivia Officer');
    await claimed.getByRole('button', { name: /^Release|^Unclaim/ }).click();
    await officer.waitForFunction(
      `!document.querySelector('[data-testid="task-table"] tr[data-case="${key}"]').textContent.includes('Olivia Officer')`,
    );
    const assignee = await app.sql<{ assignee_id: string | null }>(
      `SELECT t.assignee_id FROM core.task t JOIN core.case c ON c.id = t.case_id WHERE c.business_key = $1`,
      [key],
    );
    expect(assignee).toEqual([{ assignee_id: null }]);
  });

  it("offers no Claim on a manager's task to an officer, and offers it to the manager", async () => {
    await app.sql(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
       SELECT 'BF-MANAGERS-1', 'hot-debrief', 'hot-debrief', 1, '{}'::jsonb, 'submitted',
              'dover-tourist-controls-team-1', (SELECT id FROM core.app_user WHERE username = 'officer')`,
    );
    await app.sql(
      `INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, candidate_role, priority, priority_rank, created_at)
       SELECT id, 'hot-debrief', 'submitted', 'Review hot debrief', team_id, 'manager', 'urgent', 4, now() - interval '1 day'
         FROM core.case WHERE business_key = 'BF-MANAGERS-1'`,
    );
    const row = (page: Page) => page.locator('[data-testid="task-table"] tr[data-case="BF-MANAGERS-1"]');
    const officer = await newPage(browser);
    await signInAs(officer, app.url, 'officer');
    await officer.waitForURL((url) => url.pathname === '/shift/start' || url.pathname === '/');
    await officer.goto(`${app.url}/tasks?tab=team`);
    await row(officer).waitFor();
    expect(await row(officer).getByRole('button').count()).toBe(0);
    expect(
      await officer.locator('[data-testid="task-table"] tbody tr').nth(1).getByRole('button').allTextContents(),
    ).toEqual([expect.stringMatching(/^\s*Claim/)]);

    const manager = await newPage(browser);
    await signInAs(manager, app.url, 'manager');
    await manager.waitForURL((url) => url.pathname === '/shift/start' || url.pathname === '/');
    await manager.goto(`${app.url}/tasks?tab=team`);
    await row(manager).waitFor();
    expect(
      await row(manager)
        .getByRole('button', { name: /^Claim/ })
        .count(),
    ).toBe(1);
  });
});
