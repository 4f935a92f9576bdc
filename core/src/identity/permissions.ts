import { SetMetadata } from '@nestjs/common';
import type { Role } from '../sdk/roles.js';

/**
 * Every route declares who may call it. The guard refuses routes that declare nothing,
 * so a forgotten decorator fails closed.
 */
export const PERMISSIONS = {
  'plugins.read': ['officer', 'manager', 'intelligence', 'plugin-admin', 'admin'],
  'plugins.manage': ['plugin-admin', 'admin'],
  'profile.read': ['officer', 'manager', 'intelligence', 'plugin-admin', 'admin'],
  'shift.manage': ['officer', 'manager', 'intelligence', 'plugin-admin', 'admin'],
  /** Grant and end a person's time-limited cover of a team (in the manager's command). */
  'teams.cover': ['manager', 'admin'],
  'cases.submit': ['officer', 'manager', 'intelligence', 'admin'],
  'cases.read': ['officer', 'manager', 'intelligence', 'admin'],
  'cases.act': ['officer', 'manager', 'intelligence', 'admin'],
  'tasks.read': ['officer', 'manager', 'intelligence', 'admin'],
  'tasks.work': ['officer', 'manager', 'intelligence', 'admin'],
  'tasks.assign': ['manager', 'admin'],
  'search.run': ['officer', 'manager', 'intelligence', 'admin'],
  'audit.verify': ['admin'],
  /** A case's full audit trail (views included, who, when, from where, before and after). */
  'audit.read': ['manager', 'admin'],
  'integrations.manage': ['admin'],
  'notifications.read': ['officer', 'manager', 'intelligence', 'plugin-admin', 'admin'],
  'reports.read': ['officer', 'manager', 'intelligence', 'admin'],
  'reports.run': ['officer', 'manager', 'intelligence', 'admin'],
  'reports.schedule': ['manager', 'admin'],
  /** The command dashboard (`GET /api/dashboard`): managers their command, admins every command. */
  'reports.dashboard': ['manager', 'admin'],
  'reference.read': ['officer', 'manager', 'intelligence', 'plugin-admin', 'admin', 'integration'],
  /** Add reference rows and end-date them at runtime, every row of a set listed (retired ones too). */
  'reference.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_KEY = 'cop:permission';
export const PUBLIC_KEY = 'cop:public';

/** Routes that may take the access token from `?access_token=` (server-sent events). */
export const QUERY_TOKEN_ROUTES = new Set(['/api/notifications/stream']);

/** Only holders of a role that grants this permission may call the route. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** Anyone may call the route, signed in or not (health, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export function roleGrants(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
