import { startTestApp, type TestApp } from '../utils/app.js';

// Sign-in throttling (core/src/identity/sign-in-throttle.service.ts) on real PostgreSQL, with two
// instances on one database: per address and per username, progressive delays, 429 + Retry-After.
describe('sign-in throttling', () => {
  let a: TestApp;
  let b: TestApp;
  const env = {
    AUTH_SIGN_IN_FREE_ATTEMPTS: '3',
    AUTH_SIGN_IN_MAX_DELAY_SECONDS: '4',
    AUTH_SIGN_INS_PER_IP_PER_MINUTE: '12',
  };

  beforeAll(async () => {
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A sign-in from `ip` (the load balancer's X-Forwarded-For). */
  const login = async (app: TestApp, username: string, password: string, ip: string) => {
    const response = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ username, password }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('spaces a username’s failures by growing waits, on every instance, and lets the officer in after the wait', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login(i % 2 ? a : b, 'officer2', 'nope', `198.51.100.${i}`)).status).toBe(401);
    // The fourth attempt, from another address and instance, even with the right password, must wait.
    const early = await login(a, 'officer2', 'demo-password', '198.51.100.50');
    expect(early.status).toBe(429);
    expect(early.retryAfter).toBe('1');
    expect(early.body).toEqual({
      statusCode: 429,
      message: 'Too many sign-in attempts. Wait 1 second and try again',
      errors: [{ path: 'username', message: 'Too many sign-in attempts. Wait 1 second and try again' }],
    });
    // An unknown username is answered the same: the 429 does not tell accounts apart.
    for (let i = 0; i < 3; i++) await login(b, 'no-such-officer', 'nope', `198.51.100.${60 + i}`);
    const unknown = await login(b, 'no-such-officer', 'nope', '198.51.100.70');
    expect({ status: unknown.status, retryAfter: unknown.retryAfter }).toEqual({ status: 429, retryAfter: '1' });

    // After the wait one more try; the wait doubles after each further failure, up to the cap.
    await sleep(1100);
    expect((await login(b, 'officer2', 'nope', '198.51.100.51')).status).toBe(401);
    expect((await login(a, 'officer2', 'nope', '198.51.100.52')).retryAfter).toBe('2');
    await sleep(2100);
    expect((await login(a, 'officer2', 'nope', '198.51.100.53')).status).toBe(401);
    await sleep(4100);
    expect((await login(a, 'officer2', 'nope', '198.51.100.54')).status).toBe(401);
    expect((await login(b, 'officer2', 'nope', '198.51.100.55')).retryAfter).toBe('4');
    // Six failures did not lock the account (AUTH_MAX_FAILED_SIGN_INS is 20): after the wait, the officer is in.
    await sleep(4100);
    expect((await login(b, 'officer2', 'demo-password', '198.51.100.56')).status).toBe(200);
    // ... and the failures are forgotten.
    expect(await a.sql("SELECT key FROM core.sign_in_throttle WHERE key = 'account:officer2'")).toEqual([]);
    expect((await login(a, 'officer2', 'nope', '198.51.100.57')).status).toBe(401);
    expect((await login(a, 'officer2', 'demo-password', '198.51.100.57')).status).toBe(200);
  }, 60_000);

  it('counts every failure of a burst across both instances', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(i % 2 ? a : b, 'manager', 'nope', `192.0.2.${i}`)),
    );
    const refusedWrong = answers.filter((r) => r.status === 401).length;
    expect(refusedWrong + answers.filter((r) => r.status === 429).length).toBe(10);
    const [row] = await a.sql<{ attempts: number }>(
      "SELECT attempts FROM core.sign_in_throttle WHERE key = 'account:manager'",
    );
    expect(row!.attempts).toBe(refusedWrong);
  });

  it('limits the failures one address may make in a minute, whichever usernames it tries', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 12; i++) expect((await login(i % 2 ? a : b, `guess-${i}`, 'nope', ip)).status).toBe(401);
    const blocked = await login(a, 'officer', 'demo-password', ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(50);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(60);
    expect((await login(b, 'officer', 'demo-password', ip)).status).toBe(429);
    // Another address is not affected; successful sign-ins are not counted against one.
    for (let i = 0; i < 15; i++) expect((await login(a, 'officer', 'demo-password', '203.0.113.10')).status).toBe(200);
  });
});
