import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadConfig } from '../../core/src/config/load-config.js';
import { AuthConfigController } from '../../core/src/identity/auth-config.controller.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import { startTestApp, type TestApp } from '../utils/app.js';
import { FakeOidcIssuer } from '../utils/fake-oidc-issuer.js';

describe('OpenID Connect sign-in (a Keycloak realm)', () => {
  let issuer: FakeOidcIssuer;
  let app: TestApp;

  beforeAll(async () => {
    issuer = new FakeOidcIssuer();
    await issuer.start();
    app = await startTestApp({ env: { OIDC_ISSUER: issuer.issuer, OIDC_AUDIENCE: 'cop-shell' } });
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
  });

  const me = async (token: string) => {
    const response = await fetch(`${app.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const officerClaims = {
    sub: 'f3b1c2d4-0000-4000-8000-000000000001',
    aud: 'cop-shell',
    preferred_username: 'jsmith',
    name: 'Jo Smith',
    realm_access: { roles: ['officer', 'offline_access', 'uma_authorization'] },
    team: 'dover-freight-team-b',
  };

  it("accepts the issuer's tokens, reading roles and team from the claims", async () => {
    const { status, body } = await me(issuer.token(officerClaims));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      username: 'jsmith',
      displayName: 'Jo Smith',
      roles: ['officer'],
      teamId: 'dover-freight-team-b',
      teamName: 'Dover Freight Team B',
    });
  });

  it('lets an OIDC officer work like a local one', async () => {
    const token = issuer.token(officerClaims);
    const plugins = await fetch(`${app.url}/api/plugins`, { headers: { authorization: `Bearer ${token}` } });
    expect(plugins.status).toBe(200);
    const admin = await fetch(`${app.url}/api/plugins/status`, { headers: { authorization: `Bearer ${token}` } });
    expect(admin.status).toBe(403);
  });

  it('refuses tokens for another client, from another issuer, expired, or signed with another key', async () => {
    expect((await me(issuer.token({ ...officerClaims, aud: 'some-other-app' }))).status).toBe(401);
    expect((await me(issuer.token({ ...officerClaims, iss: 'http://127.0.0.1:1/realms/evil' }))).status).toBe(401);
    expect((await me(issuer.token({ ...officerClaims, exp: Math.floor(Date.now() / 1000) - 600 }))).status).toBe(401);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await me(issuer.token(officerClaims, privateKey))).status).toBe(401);
    expect((await me(issuer.token({ ...officerClaims, realm_access: { roles: ['offline_access'] } }))).status).toBe(
      401,
    );
  });

  it('needs OIDC_AUDIENCE with OIDC_ISSUER, and says so', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://sso.example/realms/bf' })).toThrow(
      'OIDC_AUDIENCE is required when OIDC_ISSUER is set',
    );
  });

  describe('GET /api/auth/config and the authorization code flow', () => {
    const redirectUri = 'http://127.0.0.1:4200/auth/callback';
    const authConfig = async (url: string) => {
      const response = await fetch(`${url}/api/auth/config`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    /** What the shell does: a code from the authorization endpoint (PKCE S256), then the token endpoint. */
    const signInAtIssuer = async (verifier: string, sentVerifier = verifier) => {
      const auth = new URL(`${issuer.issuer}/protocol/openid-connect/auth`);
      const state = randomBytes(16).toString('base64url');
      for (const [key, value] of Object.entries({
        response_type: 'code',
        client_id: 'cop-shell',
        redirect_uri: redirectUri,
        scope: 'openid',
        state,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }))
        auth.searchParams.set(key, value);
      const redirect = await fetch(auth, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      const back = new URL(redirect.headers.get('location')!);
      expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
      expect(back.searchParams.get('state')).toBe(state);
      return fetch(`${issuer.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code') ?? '',
          redirect_uri: redirectUri,
          client_id: 'cop-shell',
          code_verifier: sentVerifier,
        }),
      });
    };

    it("tells the shell the issuer's endpoints, reading discovery once", async () => {
      const before = issuer.count('/.well-known/openid-configuration');
      const first = await authConfig(app.url);
      expect(first).toEqual({
        status: 200,
        body: {
          oidc: {
            issuer: issuer.issuer,
            clientId: 'cop-shell',
            authorizationEndpoint: `${issuer.issuer}/protocol/openid-connect/auth`,
            tokenEndpoint: `${issuer.issuer}/protocol/openid-connect/token`,
            endSessionEndpoint: `${issuer.issuer}/protocol/openid-connect/logout`,
          },
        },
      });
      expect(await authConfig(app.url)).toEqual(first);
      expect(issuer.count('/.well-known/openid-configuration') - before).toBeLessThanOrEqual(1);
    });

    it('answers oidc: null with a reason, not a 500, when the issuer cannot be reached', async () => {
      const config = loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:1/realms/nowhere', OIDC_AUDIENCE: 'cop-shell' });
      const controller = new AuthConfigController(config, createRootLogger('silent'));
      const answer = await controller.authConfig();
      expect(answer.oidc).toBeNull();
      expect(answer.error).toMatch(/could not be reached/);
    });

    it('answers oidc: null when no issuer is configured', async () => {
      const local = await startTestApp();
      try {
        expect(await authConfig(local.url)).toEqual({ status: 200, body: { oidc: null } });
      } finally {
        await local.close();
      }
    });

    it('issues tokens for a code with the right PKCE verifier, which the core accepts; refresh works too', async () => {
      const verifier = randomBytes(32).toString('base64url');
      const response = await signInAtIssuer(verifier);
      expect(response.status).toBe(200);
      const tokens = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number };
      const { status, body } = await me(tokens.access_token);
      expect(status).toBe(200);
      expect(body).toMatchObject({ username: issuer.user.preferred_username, displayName: issuer.user.name });

      const refreshed = await fetch(`${issuer.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
          client_id: 'cop-shell',
        }),
      });
      expect(refreshed.status).toBe(200);
      const next = (await refreshed.json()) as { access_token: string };
      expect((await me(next.access_token)).status).toBe(200);
    });

    it('refuses a code whose PKCE verifier does not match the challenge', async () => {
      const response = await signInAtIssuer(randomBytes(32).toString('base64url'), 'not-the-verifier');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    });
  });
});
