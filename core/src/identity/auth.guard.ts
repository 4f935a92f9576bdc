import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import { PERMISSION_KEY, PUBLIC_KEY, QUERY_TOKEN_ROUTES, roleGrants, type Permission } from './permissions.js';
import type { AccessScope } from './access.js';
import { AccessService } from './access.service.js';
import { OidcSessions } from './oidc-sessions.js';
import { TokenService, type AccessClaims } from './token.service.js';

/** The signed-in caller, as attached to the request by the guard. */
export type Caller = AccessClaims;

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller; scope?: AccessScope };

/** Authenticates the bearer token and checks the route's declared permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly access: AccessService,
    private readonly oidc: OidcSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request) ?? '';
    const claims = this.tokens.verify(token) ?? (await this.oidc.claims(token));
    if (!claims) throw new UnauthenticatedError();
    request.caller = claims;
    if (!permission) throw new ForbiddenError('This route declares no permission');
    if (!roleGrants(claims.roles, permission)) throw new ForbiddenError();
    request.scope = await this.access.scopeOf(claims);
    return true;
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
