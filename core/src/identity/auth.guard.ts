import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import { PERMISSION_KEY, PUBLIC_KEY, roleGrants, type Permission } from './permissions.js';
import type { AccessScope } from './access.js';
import { AccessService } from './access.service.js';
import { Authenticator } from './authenticator.js';
import type { AccessClaims } from './token.service.js';

/** The signed-in caller, as attached to the request by the guard. */
export type Caller = AccessClaims;

export type AuthenticatedRequest = FastifyRequest & { caller?: Caller; scope?: AccessScope };

/** Authenticates the bearer token and checks the route's declared permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const claims = await this.authenticator.authenticate(request);
    if (!claims) throw new UnauthenticatedError();
    request.caller = claims;
    if (!permission) throw new ForbiddenError('This route declares no permission');
    if (!roleGrants(claims.roles, permission)) throw new ForbiddenError();
    request.scope = await this.access.scopeOf(claims);
    return true;
  }
}
