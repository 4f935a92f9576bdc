import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Caller } from './auth.guard.js';

/** The signed-in caller the guard authenticated. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a public route');
  return caller;
});

/** The caller's access scope (teams, visibility), loaded by the guard. */
export const CurrentScope = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const scope = context.switchToHttp().getRequest<AuthenticatedRequest>().scope;
  if (!scope) throw new Error('CurrentScope used on a public route');
  return scope;
});

/** The client's address, for the audit log. */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().ip;
});
