import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { describeBrowser, launchBrowser, signInAndStartShift, VIEWPORTS } from './browser.js';

// Every page of the built shell under its Content-Security-Policy (core/src/common/security-headers.ts):
// no violation may be reported, whether as a `securitypolicyviolation` event or a console error,
// and the security headers are on the shell's pages and the API's answers.
describeBrowser('security headers', () => {
  let app: TestApp;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A page whose CSP violations, from the event or the console, are collected into `violations`. */
  async function watchedPage(): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-GB' });
    // Init scripts run over the DevTools protocol, so the policy under test cannot block the watcher.
    await context.addInitScript(`
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
          ' (' + event.sourceFile + ':' + event.lineNumber + ')');
      });`);
    const page = await context.newPage();
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|CSP violation/i.test(text)) violations.push(`${page.url()}: ${text}`);
    });
    return { page, context };
  }

  /** Opens `path`, waits for its heading and a moment for late styles and requests. */
  async function visit(page: Page, path: string, visited: string[]): Promise<void> {
    await page.goto(`${app.url}${path}`);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    visited.push(new URL(page.url()).pathname);
  }

  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  it('sends the headers on the shell and the API', async () => {
    const page = await fetch(`${app.url}/tasks`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const policy = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<cop-root ngCspNonce="${nonce}"`);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    // A fresh nonce per page.
    const again = await fetch(`${app.url}/`);
    expect(again.headers.get('content-security-policy')).not.toBe(policy);

    for (const response of [
      page,
      again,
      await fetch(`${app.url}/api/plugins`),
      await fetch(`${app.url}/health/live`),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // Plain HTTP: no HSTS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    const api = await fetch(`${app.url}/api/plugins`);
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
    // Over TLS (as the load balancer says), HSTS too.
    const tls = await fetch(`${app.url}/health/live`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // The page is only sent with its nonce, /index.html too (the service worker keeps it).
    const index = await fetch(`${app.url}/index.html`);
    const indexNonce = /'nonce-([^']+)'/.exec(index.headers.get('content-security-policy') ?? '')?.[1];
    expect(await index.text()).toContain(`<cop-root ngCspNonce="${indexNonce}"`);
    // The service worker's script carries no policy of its own (core/src/common/security-headers.ts).
    const worker = await fetch(`${app.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-security-policy')).toBeNull();
  });

  it('reports no Content-Security-Policy violation on any page of the shell', async () => {
    const visited: string[] = [];
    const manager = await signIn(app, 'manager');
    const seizure = await call('POST', '/api/plugins/event-at-border/cases', await signIn(app, 'officer'), {
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
    expect(seizure.status).toBe(201);
    const { id, businessKey } = seizure.body as { id: string; businessKey: string };
    expect(
      (await call('POST', `/api/cases/${id}/actions/refer-intelligence-hub`, manager, { version: 1 })).status,
    ).toBe(200);

    const signedOut = await watchedPage();
    await visit(signedOut.page, '/sign-in', visited);
    await signedOut.page.getByRole('button', { name: 'Sign in' }).click();
    await signedOut.page.locator('.govuk-error-summary').waitFor();
    await visit(signedOut.page, '/auth/callback', visited);
    await signedOut.context.close();

    const { page, context } = await watchedPage();
    await signInAndStartShift(page, app.url, 'manager');
    visited.push('/shift/start');
    for (const path of ['/', '/forms/hot-debrief', '/tasks', '/search', '/notifications', '/reports', '/team-cover']) {
      await visit(page, path, visited);
    }
    await visit(page, `/cases/${businessKey}`, visited);
    await visit(page, '/admin/plugins', visited);
    await visit(page, '/no-such-page', visited);
    await context.close();

    const intel = await watchedPage();
    await signInAndStartShift(intel.page, app.url, 'intel');
    await visit(intel.page, `/cases/${businessKey}/actions/record-referral-outcome`, visited);
    await intel.context.close();

    const admin = await watchedPage();
    await signInAndStartShift(admin.page, app.url, 'admin');
    for (const path of ['/admin/plugins', '/admin/deliveries', '/admin/reference'])
      await visit(admin.page, path, visited);
    await admin.context.close();

    expect(visited).toEqual(
      expect.arrayContaining([
        '/sign-in',
        '/shift/start',
        '/',
        '/tasks',
        '/search',
        '/notifications',
        '/reports',
        '/team-cover',
        `/cases/${businessKey}`,
        `/cases/${businessKey}/actions/record-referral-outcome`,
        '/forbidden',
        '/admin/plugins',
        '/admin/deliveries',
        '/admin/reference',
      ]),
    );
    expect(visited.some((path) => path.startsWith('/forms/hot-debrief'))).toBe(true);
    expect(violations).toEqual([]);
  });
});
