import { createHmac } from 'node:crypto';
import { startTestApp, type TestApp } from '../utils/app.js';
import { FakeOidcIssuer } from '../utils/fake-oidc-issuer.js';

// The issuer's keys as core/src/identity/oidc.verifier.ts uses them, against a fake issuer on a
// real port: RS256, ES256 and PS256, caching and rotation, the discovery document's issuer,
// clock skew and fetch timeouts.
describe('OpenID Connect keys', () => {
  const claims = {
    sub: 'f3b1c2d4-0000-4000-8000-000000000009',
    aud: 'cop-shell',
    preferred_username: 'kbrown',
    name: 'Kim Brown',
    realm_access: { roles: ['officer'] },
    team: 'dover-freight-team-a',
  };
  const now = () => Math.floor(Date.now() / 1000);
  const me = async (app: TestApp, token: string) =>
    (await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  describe('a well-behaved issuer', () => {
    let issuer: FakeOidcIssuer;
    let app: TestApp;
    beforeAll(async () => {
      issuer = new FakeOidcIssuer();
      await issuer.start();
      app = await startTestApp({
        env: {
          OIDC_ISSUER: issuer.issuer,
          OIDC_AUDIENCE: 'cop-shell',
          OIDC_JWKS_COOLDOWN_SECONDS: '1',
          OIDC_JWKS_MAX_AGE_SECONDS: '2',
        },
      });
    });
    afterAll(async () => {
      await app?.close();
      await issuer?.stop();
    });

    it('accepts RS256, ES256 and PS256, keeping the keys instead of fetching them per request', async () => {
      const es = issuer.addKey('ES256');
      const ps = issuer.addKey('PS256');
      for (let i = 0; i < 10; i++) expect(await me(app, issuer.token(claims))).toBe(200);
      expect(await me(app, await issuer.tokenWith(es, claims))).toBe(200);
      expect(await me(app, await issuer.tokenWith(ps, claims))).toBe(200);
      expect(issuer.count('/protocol/openid-connect/certs')).toBe(1);
    });

    it('refuses a symmetric or unsigned token that claims to be the issuer’s', async () => {
      const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const body = segment({ iss: issuer.issuer, iat: now(), exp: now() + 300, ...claims });
      const hs = `${segment({ alg: 'HS256', typ: 'JWT', kid: issuer.kid })}.${body}`;
      expect(await me(app, `${hs}.${createHmac('sha256', 'guess').update(hs).digest('base64url')}`)).toBe(401);
      expect(await me(app, `${segment({ alg: 'none', typ: 'JWT' })}.${body}.`)).toBe(401);
    });

    it('follows a key rotation: a new key works as soon as a token names it, a withdrawn one stops', async () => {
      await sleep(1100); // past the cooldown since the last fetch
      const next = issuer.addKey('RS256');
      expect(await me(app, await issuer.tokenWith(next, claims))).toBe(200);
      issuer.withdraw(next);
      // Still kept until the keys are older than OIDC_JWKS_MAX_AGE_SECONDS, then fetched again.
      await sleep(2200);
      expect(await me(app, await issuer.tokenWith(next, claims))).toBe(401);
      expect(await me(app, issuer.token(claims))).toBe(200);
    });

    it('tolerates OIDC_CLOCK_SKEW_SECONDS (60) of clock difference, and no more', async () => {
      expect(await me(app, issuer.token({ ...claims, exp: now() - 30 }))).toBe(200);
      expect(await me(app, issuer.token({ ...claims, exp: now() - 90 }))).toBe(401);
      expect(await me(app, issuer.token({ ...claims, nbf: now() + 30 }))).toBe(200);
      expect(await me(app, issuer.token({ ...claims, nbf: now() + 90 }))).toBe(401);
      expect(await me(app, issuer.token({ ...claims, aud: 'another-client', azp: 'another-client' }))).toBe(401);
    });
  });

  it('trusts no keys from a discovery document that names another issuer', async () => {
    const issuer = new FakeOidcIssuer();
    await issuer.start();
    issuer.discoveryIssuer = 'https://sso.example/realms/someone-else';
    const app = await startTestApp({ env: { OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: 'cop-shell' } });
    try {
      expect(await me(app, issuer.token(claims))).toBe(401);
      expect(issuer.count('/protocol/openid-connect/certs')).toBe(0);
      const config = (await (await fetch(`${app.url}/api/auth/config`)).json()) as { oidc: unknown };
      expect(config.oidc).toBeNull();
    } finally {
      await app.close();
      await issuer.stop();
    }
  });

  it('gives up on a hung issuer after OIDC_FETCH_TIMEOUT_MS, answering 401 rather than waiting', async () => {
    const issuer = new FakeOidcIssuer();
    await issuer.start();
    issuer.jwksDelayMs = 5_000;
    const app = await startTestApp({
      env: { OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: 'cop-shell', OIDC_FETCH_TIMEOUT_MS: '300' },
    });
    try {
      const started = Date.now();
      expect(await me(app, issuer.token(claims))).toBe(401);
      expect(Date.now() - started).toBeLessThan(2_000);
      // Local accounts are not held up by it.
      const local = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'officer', password: 'demo-password' }),
      });
      expect(local.status).toBe(200);
    } finally {
      await app.close();
      await issuer.stop();
    }
  });
});
