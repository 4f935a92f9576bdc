import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../../core/src/config/load-config.js';
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
});
