import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';

/** The officer the fake issuer signs in at its authorization endpoint. */
export interface FakeOidcUser {
  sub: string;
  preferred_username: string;
  name: string;
  roles: string[];
  team?: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  user: FakeOidcUser;
}

const PATH = '/realms/border-force';

/** An algorithm the issuer can sign with. */
export type FakeOidcAlgorithm = 'RS256' | 'ES256' | 'PS256';

interface FakeKey {
  alg: FakeOidcAlgorithm;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

/**
 * A stand-in OpenID Connect issuer for tests (what a Keycloak realm publishes): a discovery
 * document, a JWKS with one RSA key, and RS256 tokens signed with it. It also runs the
 * authorization code flow with PKCE: the authorization endpoint signs `user` in at once (or
 * refuses with `error=access_denied` when `deny` is set) and redirects back with a code; the token
 * endpoint checks the code verifier against the challenge and answers access and refresh tokens
 * for `clientId`, with CORS headers for the `allowedOrigins` (the shell's).
 */
export class FakeOidcIssuer {
  readonly kid = 'test-key-1';
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server?: Server;
  private readonly codes = new Map<string, PendingCode>();
  private readonly refreshTokens = new Map<string, { clientId: string; user: FakeOidcUser }>();
  issuer = '';
  /** The client id the tokens are issued for (their `aud`). */
  clientId = 'cop-shell';
  /** Who signs in at the authorization endpoint. */
  user: FakeOidcUser = {
    sub: 'f3b1c2d4-0000-4000-8000-000000000002',
    preferred_username: 'apatel',
    name: 'Asha Patel',
    roles: ['officer', 'offline_access'],
    team: 'dover-freight-team-a',
  };
  /** When true the authorization endpoint answers `error=access_denied` (the user said no). */
  deny = false;
  /** Origins allowed to call the token endpoint from a browser. */
  readonly allowedOrigins = new Set<string>();
  /** Every request's method and path, for assertions (discovery fetched once, grants used). */
  readonly requests: string[] = [];
  /** The `grant_type` of every token request. */
  readonly grants: string[] = [];
  /** Lifetime of the access tokens the token endpoint issues. */
  accessTokenSeconds = 300;
  /** Keys besides the first, by kid (addKey); the JWKS lists the first and those still published. */
  private readonly keys = new Map<string, FakeKey>();
  /** Kids withdrawn from the JWKS (withdraw). */
  private readonly withdrawn = new Set<string>();
  /** The `issuer` the discovery document names; the real one unless a test sets another. */
  discoveryIssuer?: string;
  /** How long the JWKS takes to answer (a hung issuer). */
  jwksDelayMs = 0;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${PATH}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A signed token; pass `key` to sign with another (unknown) key. */
  token(claims: Record<string, unknown>, key: KeyObject = this.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: this.issuer, iat: now, exp: now + 300, ...claims })).toString(
      'base64url',
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** Adds a signing key and publishes it in the JWKS (a key rotation); returns its kid. */
  addKey(alg: FakeOidcAlgorithm, kid = `${alg.toLowerCase()}-${randomBytes(4).toString('hex')}`): string {
    const { privateKey, publicKey } =
      alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.keys.set(kid, { alg, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg } });
    return kid;
  }

  /** Stops publishing a key (its tokens should stop verifying once the core fetches the keys again). */
  withdraw(kid: string): void {
    this.withdrawn.add(kid);
  }

  /** A token signed with an added key, with its kid and algorithm in the header. */
  async tokenWith(kid: string, claims: Record<string, unknown>): Promise<string> {
    const key = this.keys.get(kid);
    if (!key) throw new Error(`no key ${kid}`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.issuer, iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: key.alg, typ: 'JWT', kid })
      .sign(key.privateKey);
  }

  /** Counts the requests to a path under the realm (e.g. `/.well-known/openid-configuration`). */
  count(path: string): number {
    return this.requests.filter((r) => r.endsWith(` ${PATH}${path}`)).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://issuer.test');
    this.requests.push(`${req.method} ${url.pathname}`);
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && this.allowedOrigins.has(origin)
        ? { 'access-control-allow-origin': origin, 'access-control-allow-headers': 'content-type', vary: 'Origin' }
        : {};
    const json = (status: number, body: unknown): void => {
      res
        .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors })
        .end(JSON.stringify(body));
    };

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST, GET' }).end();
      return;
    }
    switch (url.pathname) {
      case `${PATH}/.well-known/openid-configuration`:
        return json(200, {
          issuer: this.discoveryIssuer ?? this.issuer,
          jwks_uri: `${this.issuer}/protocol/openid-connect/certs`,
          authorization_endpoint: `${this.issuer}/protocol/openid-connect/auth`,
          token_endpoint: `${this.issuer}/protocol/openid-connect/token`,
          end_session_endpoint: `${this.issuer}/protocol/openid-connect/logout`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'refresh_token'],
          code_challenge_methods_supported: ['S256'],
          scopes_supported: ['openid'],
        });
      case `${PATH}/protocol/openid-connect/certs`:
        if (this.jwksDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.jwksDelayMs).unref());
        return json(200, {
          keys: [this.publicJwk, ...[...this.keys.values()].map((k) => k.jwk)].filter(
            (jwk) => !this.withdrawn.has(String(jwk.kid)),
          ),
        });
      case `${PATH}/protocol/openid-connect/auth`:
        return this.authorize(url, res);
      case `${PATH}/protocol/openid-connect/logout`: {
        const back = url.searchParams.get('post_logout_redirect_uri');
        if (back) res.writeHead(302, { location: back }).end();
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>You are signed out</p>');
        return;
      }
      case `${PATH}/protocol/openid-connect/token`:
        if (req.method !== 'POST') return json(405, { error: 'invalid_request' });
        return this.exchange(new URLSearchParams(await readBody(req)), json);
      default:
        return json(404, {});
    }
  }

  private authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri || q.get('client_id') !== this.clientId) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Invalid client or redirect_uri');
      return;
    }
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    const challenge = q.get('code_challenge');
    if (this.deny) {
      back.searchParams.set('error', 'access_denied');
    } else if (q.get('response_type') !== 'code' || !q.get('scope')?.split(' ').includes('openid')) {
      back.searchParams.set('error', 'invalid_request');
    } else if (!challenge || q.get('code_challenge_method') !== 'S256') {
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', 'PKCE (S256) is required');
    } else {
      const code = randomBytes(16).toString('hex');
      this.codes.set(code, { clientId: this.clientId, redirectUri, challenge, user: this.user });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.toString() }).end();
  }

  private exchange(form: URLSearchParams, json: (status: number, body: unknown) => void): void {
    const grant = form.get('grant_type') ?? '';
    this.grants.push(grant);
    const refuse = (description: string) => json(400, { error: 'invalid_grant', error_description: description });
    let user: FakeOidcUser;
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!code) return refuse('Code not valid');
      if (form.get('client_id') !== code.clientId) return refuse('Code issued for another client');
      if (form.get('redirect_uri') !== code.redirectUri) return refuse('Incorrect redirect_uri');
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
        return refuse('PKCE verification failed');
      user = code.user;
    } else if (grant === 'refresh_token') {
      const entry = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!entry || entry.clientId !== form.get('client_id')) return refuse('Invalid refresh token');
      this.refreshTokens.delete(form.get('refresh_token')!);
      user = entry.user;
    } else {
      return json(400, { error: 'unsupported_grant_type' });
    }
    const refreshToken = randomBytes(24).toString('base64url');
    this.refreshTokens.set(refreshToken, { clientId: this.clientId, user });
    const now = Math.floor(Date.now() / 1000);
    const identity = {
      sub: user.sub,
      aud: this.clientId,
      azp: this.clientId,
      preferred_username: user.preferred_username,
      name: user.name,
    };
    json(200, {
      access_token: this.token({
        ...identity,
        typ: 'Bearer',
        exp: now + this.accessTokenSeconds,
        realm_access: { roles: user.roles },
        ...(user.team ? { team: user.team } : {}),
      }),
      id_token: this.token({ ...identity, typ: 'ID' }),
      refresh_token: refreshToken,
      token_type: 'Bearer',
      expires_in: this.accessTokenSeconds,
      refresh_expires_in: 1800,
      scope: 'openid profile email',
    });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
