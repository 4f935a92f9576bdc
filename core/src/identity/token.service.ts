import { webcrypto } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';
import { isRole, type Role } from '../sdk/roles.js';

/** What an access token says about its holder. */
export interface AccessClaims {
  /** The user's id (a UUID). */
  sub: string;
  /**
   * The sign-in session the token belongs to (a UUID, one per sign-in, kept across refreshes).
   * Signing out revokes it. Absent only for tokens of an OpenID Connect issuer.
   */
  sid?: string;
  username: string;
  roles: Role[];
  teamId: string | null;
  iat: number;
  exp: number;
}

const ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs and verifies short-lived HS256 JSON Web Tokens with jose: a compact token of exactly
 * three segments, the algorithm pinned to HS256, `exp` required, and every claim the core reads
 * checked for its shape (`sub` and `sid` UUIDs, known roles), so a token that verifies can
 * never make a later query fail. The first of the secrets (AUTH_TOKEN_SECRET, comma-separated)
 * signs; a token verifies with any of them, so a new secret can be put first and the old one
 * dropped once its last tokens have expired (docs/operations.md, "Rotating AUTH_TOKEN_SECRET").
 */
export class TokenService {
  /** Imported once: jose takes a CryptoKey without importing the secret on every call. */
  private readonly keys: Promise<webcrypto.CryptoKey[]>;

  constructor(
    secrets: string[],
    private readonly ttlSeconds: number,
  ) {
    if (secrets.length === 0) throw new Error('TokenService needs at least one secret');
    this.keys = Promise.all(
      secrets.map((secret) =>
        webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
          'sign',
          'verify',
        ]),
      ),
    );
  }

  async sign(claims: Omit<AccessClaims, 'iat' | 'exp'> & { sid: string }, now = Date.now()): Promise<string> {
    const iat = Math.floor(now / 1000);
    return new SignJWT({ sid: claims.sid, username: claims.username, roles: claims.roles, teamId: claims.teamId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttlSeconds)
      .sign((await this.keys)[0]!);
  }

  /** The claims, or undefined when the token is malformed, forged, expired or of the wrong shape. */
  async verify(token: string, now = Date.now()): Promise<AccessClaims | undefined> {
    if (!token) return undefined;
    for (const key of await this.keys) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          typ: 'JWT',
          requiredClaims: ['sub', 'iat', 'exp'],
          currentDate: new Date(now),
        });
        return claimsOf(payload);
      } catch (error: unknown) {
        // Only a signature made with another secret is worth trying the next one for.
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) return undefined;
      }
    }
    return undefined;
  }

  get expiresIn(): number {
    return this.ttlSeconds;
  }
}

/** The access claims of a verified payload, or undefined when any of them has the wrong shape. */
function claimsOf(payload: JWTPayload): AccessClaims | undefined {
  const { sub, sid, username, roles, teamId, iat, exp } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || !UUID.test(sub)) return undefined;
  if (typeof sid !== 'string' || !UUID.test(sid)) return undefined;
  if (typeof username !== 'string' || username.length === 0 || username.length > 100) return undefined;
  if (!Array.isArray(roles) || !roles.every(isRole)) return undefined;
  if (teamId !== null && typeof teamId !== 'string') return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
  return { sub, sid, username, roles, teamId, iat, exp };
}
