import { createPublicKey, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { isRole, type Role } from '../sdk/roles.js';

/** What an OpenID Connect access token says about the officer. */
export interface OidcIdentity {
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
}

const LEEWAY_SECONDS = 60;
const JWKS_REFRESH_MS = 60_000;

/**
 * Verifies RS256 access tokens from the configured issuer (a Keycloak realm, as the real
 * platform uses) against the issuer's published keys, fetched from its discovery document and
 * refreshed when a token names a key we have not seen (at most once a minute).
 */
export class OidcVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private pending?: Promise<void>;

  constructor(
    private readonly config: EnvConfig,
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER);
  }

  /** The identity in the token, or undefined if it is not a valid token of this issuer for this client. */
  async verify(token: string, now = Date.now()): Promise<OidcIdentity | undefined> {
    const [h, p, s] = token.split('.');
    if (!h || !p || !s) return undefined;
    let header: { alg?: string; kid?: string };
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as typeof header;
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (header.alg !== 'RS256' || !header.kid) return undefined;
    const key = await this.key(header.kid);
    if (!key || !verifySignature('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')))
      return undefined;
    const seconds = now / 1000;
    if (claims.iss !== this.config.OIDC_ISSUER) return undefined;
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(this.config.OIDC_AUDIENCE) && claims.azp !== this.config.OIDC_AUDIENCE) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp + LEEWAY_SECONDS < seconds) return undefined;
    if (typeof claims.nbf === 'number' && claims.nbf - LEEWAY_SECONDS > seconds) return undefined;
    if (typeof claims.sub !== 'string') return undefined;
    const roles = readPath(claims, this.config.OIDC_ROLES_CLAIM);
    const team = readPath(claims, this.config.OIDC_TEAM_CLAIM);
    return {
      subject: claims.sub,
      username: typeof claims.preferred_username === 'string' ? claims.preferred_username : `oidc-${claims.sub}`,
      displayName: typeof claims.name === 'string' ? claims.name : String(claims.preferred_username ?? claims.sub),
      roles: (Array.isArray(roles) ? roles : []).filter(isRole),
      teamId: typeof team === 'string' ? team : null,
    };
  }

  private async key(kid: string): Promise<KeyObject | undefined> {
    if (!this.keys.has(kid) && Date.now() - this.fetchedAt > JWKS_REFRESH_MS) {
      this.pending ??= this.fetchKeys().finally(() => (this.pending = undefined));
      await this.pending;
    }
    return this.keys.get(kid);
  }

  private async fetchKeys(): Promise<void> {
    this.fetchedAt = Date.now();
    try {
      const discovery = (await (await fetch(`${this.config.OIDC_ISSUER}/.well-known/openid-configuration`)).json()) as {
        jwks_uri: string;
      };
      const jwks = (await (await fetch(discovery.jwks_uri)).json()) as {
        keys: (JsonWebKey & { kid?: string; use?: string })[];
      };
      const keys = new Map<string, KeyObject>();
      for (const jwk of jwks.keys) {
        if (jwk.kid && jwk.kty === 'RSA' && (jwk.use ?? 'sig') === 'sig')
          keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
      }
      this.keys = keys;
    } catch (error: unknown) {
      this.logger.warn({ err: error, issuer: this.config.OIDC_ISSUER }, 'could not fetch the OIDC signing keys');
    }
  }
}

function readPath(claims: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      claims,
    );
}
