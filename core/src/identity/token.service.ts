import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../sdk/roles.js';

/** What an access token says about its holder. */
export interface AccessClaims {
  sub: string;
  username: string;
  roles: Role[];
  teamId: string | null;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Signs and verifies short-lived HS256 JSON Web Tokens. */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  sign(claims: Omit<AccessClaims, 'iat' | 'exp'>, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + this.ttlSeconds })).toString('base64url');
    return `${HEADER}.${payload}.${this.signature(`${HEADER}.${payload}`)}`;
  }

  /** The claims, or undefined when the token is malformed, forged or expired. */
  verify(token: string, now = Date.now()): AccessClaims | undefined {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature || header !== HEADER) return undefined;
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
      return typeof claims.exp === 'number' && claims.exp * 1000 > now ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  get expiresIn(): number {
    return this.ttlSeconds;
  }

  private signature(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}
