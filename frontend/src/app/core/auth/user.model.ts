import type { Schema } from '../api/schema';

/** A role the core can grant; roles decide which pages and actions a user sees. */
export type Role = Schema<'Role'>;

/** The shift an officer is working: chosen team and location. */
export type Shift = Schema<'ShiftView'>;

/** The signed-in user as returned by `GET /api/auth/me`. */
export type User = Schema<'UserView'>;

/** Tokens and user returned by `POST /api/auth/login` and `/refresh`. */
export type LoginResponse = Schema<'SessionView'>;

/** Roles that may open the plugin administration page. */
export const PLUGIN_ADMIN_ROLES: readonly Role[] = ['admin', 'plugin-admin'];

/** Roles the core lets read reports (`reports.read`); which reports each may run comes from `GET /api/reports`. */
export const REPORT_ROLES: readonly Role[] = ['officer', 'manager', 'intelligence', 'admin'];

/** Roles that may see and send again failed deliveries to other systems (`integrations.manage`). */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Roles that may give people cover of a team and end it (`teams.cover`). */
/** Roles that see the command dashboard (managers their command, admins every command). */
export const DASHBOARD_ROLES: readonly Role[] = ['manager', 'admin'];

export const TEAM_COVER_ROLES: readonly Role[] = ['manager', 'admin'];

/** Whether the user holds at least one of the given roles. */
export function hasAnyRole(user: User | null, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
