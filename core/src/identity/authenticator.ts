import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OidcSessions } from './oidc-sessions.js';
import { QUERY_TOKEN_ROUTES } from './permissions.js';
import { SessionRevocations } from './session-revocations.js';
import { TokenService, type AccessClaims } from './token.service.js';

/**
 * Who is calling: the claims of a valid bearer token, the core's own (not of a revoked
 * session) or, when configured, the OpenID Connect issuer's. Used by the guard and by the
 * routes outside Nest's controllers (the API description).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    private readonly oidc: OidcSessions,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AccessClaims | undefined> {
    const token = bearerToken(request);
    if (!token) return undefined;
    const local = await this.tokens.verify(token);
    if (local) return local.sid && this.revocations.isRevoked(local.sid) ? undefined : local;
    return this.oidc.claims(token);
  }
}

/** The bearer token from the Authorization header, or from `?access_token=` on the SSE route. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const [path] = request.url.split('?');
  if (request.method === 'GET' && QUERY_TOKEN_ROUTES.has(path!)) {
    const token = (request.query as Record<string, unknown> | undefined)?.access_token;
    return typeof token === 'string' ? token : undefined;
  }
  return undefined;
}
