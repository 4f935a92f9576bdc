import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in OpenID Connect issuer for tests (what a Keycloak realm publishes): a discovery
 * document, a JWKS with one RSA key, and RS256 tokens signed with it.
 */
export class FakeOidcIssuer {
  readonly kid = 'test-key-1';
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server?: Server;
  issuer = '';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const body =
        req.url === '/realms/border-force/.well-known/openid-configuration'
          ? { issuer: this.issuer, jwks_uri: `${this.issuer}/protocol/openid-connect/certs` }
          : req.url === '/realms/border-force/protocol/openid-connect/certs'
            ? { keys: [this.publicJwk] }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/border-force`;
  }

  async stop(): Promise<void> {
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
}
