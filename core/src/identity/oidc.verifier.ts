import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { fetchDiscovery } from './oidc-discovery.js';
import { isRole, type Role } from '../sdk/roles.js';

/** What an OpenID Connect access token says about the officer. */
export interface OidcIdentity {
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  /** The standard claims `given_name`, `family_name` and `email`; null when the token has none. */
  givenName: string | null;
  familyName: string | null;
  email: string | null;
}

/** The signature algorithms accepted from the issuer (asymmetric only: never `none` or HS*). */
export const OIDC_ALGORITHMS = ['RS256', 'ES256', 'PS256'];
/** After a failed discovery, wait this long before asking the issuer again. */
const DISCOVERY_RETRY_MS = 10_000;

/**
 * Verifies access tokens from the configured issuer (a Keycloak realm, as the real platform
 * uses) with jose: RS256, ES256 or PS256, against the issuer's published keys. The JWKS address
 * comes from the discovery document, which must name the configured issuer. jose keeps the
 * keys for OIDC_JWKS_MAX_AGE_SECONDS and fetches them again sooner when a token names a key it
 * has not seen (key rotation), at most once per OIDC_JWKS_COOLDOWN_SECONDS; every fetch gives
 * up after OIDC_FETCH_TIMEOUT_MS. `iss`, `aud` (or `azp`), `exp` and `nbf` are checked, with
 * OIDC_CLOCK_SKEW_SECONDS of tolerance.
 */
export class OidcVerifier {
  private keys?: Promise<JWTVerifyGetKey>;
  private failedAt = 0;

  constructor(
    private readonly config: EnvConfig,
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER);
  }

  /** The identity in the token, or undefined if it is not a valid token of this issuer for this client. */
  async verify(token: string, now = Date.now()): Promise<OidcIdentity | undefined> {
    const keys = await this.keySet();
    if (!keys) return undefined;
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer: this.config.OIDC_ISSUER,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: this.config.OIDC_CLOCK_SKEW_SECONDS,
        currentDate: new Date(now),
      }));
    } catch (error: unknown) {
      // A token that is not the issuer's is the normal case; an unreachable key set is not.
      if (
        error instanceof errors.JWKSTimeout ||
        error instanceof errors.JWKSInvalid ||
        !(error instanceof errors.JOSEError)
      )
        this.logger.warn({ err: error, issuer: this.config.OIDC_ISSUER }, 'could not fetch the OIDC signing keys');
      return undefined;
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(this.config.OIDC_AUDIENCE) && claims.azp !== this.config.OIDC_AUDIENCE) return undefined;
    if (typeof claims.sub !== 'string' || claims.sub.length === 0) return undefined;
    const roles = readPath(claims, this.config.OIDC_ROLES_CLAIM);
    const team = readPath(claims, this.config.OIDC_TEAM_CLAIM);
    return {
      subject: claims.sub,
      username: typeof claims.preferred_username === 'string' ? claims.preferred_username : `oidc-${claims.sub}`,
      displayName: typeof claims.name === 'string' ? claims.name : String(claims.preferred_username ?? claims.sub),
      roles: (Array.isArray(roles) ? roles : []).filter(isRole),
      teamId: typeof team === 'string' ? team : null,
      givenName: claimText(claims.given_name),
      familyName: claimText(claims.family_name),
      email: claimText(claims.email),
    };
  }

  /** The issuer's key set, from its discovery document (read once; retried a while after a failure). */
  private async keySet(): Promise<JWTVerifyGetKey | undefined> {
    if (!this.keys && Date.now() - this.failedAt < DISCOVERY_RETRY_MS) return undefined;
    this.keys ??= this.discover();
    try {
      return await this.keys;
    } catch (error: unknown) {
      this.keys = undefined;
      this.failedAt = Date.now();
      this.logger.warn({ err: error, issuer: this.config.OIDC_ISSUER }, 'could not read the OIDC discovery document');
      return undefined;
    }
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const { jwksUri } = await fetchDiscovery(this.config.OIDC_ISSUER!, this.config.OIDC_FETCH_TIMEOUT_MS);
    return createRemoteJWKSet(new URL(jwksUri), {
      cacheMaxAge: this.config.OIDC_JWKS_MAX_AGE_SECONDS * 1000,
      cooldownDuration: this.config.OIDC_JWKS_COOLDOWN_SECONDS * 1000,
      timeoutDuration: this.config.OIDC_FETCH_TIMEOUT_MS,
    });
  }
}

/** A standard claim's text, trimmed; null when it is absent, blank or not text. */
function claimText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function readPath(claims: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      claims,
    );
}
