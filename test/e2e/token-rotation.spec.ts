import { randomBytes } from 'node:crypto';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

// AUTH_TOKEN_SECRET holds several secrets, comma-separated: the first signs, any verifies, so the
// secret is rotated without signing anyone out (docs/operations.md, "Rotating AUTH_TOKEN_SECRET").
describe('rotating AUTH_TOKEN_SECRET', () => {
  const oldSecret = randomBytes(32).toString('hex');
  const newSecret = randomBytes(32).toString('hex');
  let before: TestApp;
  let during: TestApp;
  let after: TestApp;

  beforeAll(async () => {
    before = await startTestApp({ env: { AUTH_TOKEN_SECRET: oldSecret } });
    const shared = { AUDIT_SEAL_KEYS: before.boot.config.AUDIT_SEAL_KEYS.join(',') };
    during = await startTestApp({
      databaseUrl: before.databaseUrl,
      env: { ...shared, AUTH_TOKEN_SECRET: `${newSecret},${oldSecret}` },
    });
    after = await startTestApp({ databaseUrl: before.databaseUrl, env: { ...shared, AUTH_TOKEN_SECRET: newSecret } });
  });
  afterAll(async () => {
    await after?.close();
    await during?.close();
    await before?.close();
  });

  const me = async (app: TestApp, auth: Record<string, string>) =>
    (await fetch(`${app.url}/api/auth/me`, { headers: auth })).status;

  it('keeps tokens signed with the old secret working while both are set, and signs with the new one', async () => {
    const oldToken = await signIn(before, 'officer');
    expect(await me(during, oldToken)).toBe(200);
    const newToken = await signIn(during, 'officer');
    expect(await me(during, newToken)).toBe(200);
    // The new token is signed with the first secret: the old-only instance cannot read it ...
    expect(await me(before, newToken)).toBe(401);
    // ... and the instance with only the new secret can, while old tokens stop there.
    expect(await me(after, newToken)).toBe(200);
    expect(await me(after, oldToken)).toBe(401);
  });

  it('refuses a secret list with a short entry, naming the setting', async () => {
    await expect(
      startTestApp({ databaseUrl: before.databaseUrl, env: { AUTH_TOKEN_SECRET: `${newSecret},short` } }),
    ).rejects.toThrow('AUTH_TOKEN_SECRET must be at least 32 characters');
  });
});
