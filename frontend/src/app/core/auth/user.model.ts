/** A role the core can grant; roles decide which pages and actions a user sees. */
export type Role = 'officer' | 'manager' | 'intelligence' | 'plugin-admin' | 'admin' | 'integration';

/** The shift an officer is working: chosen team and location. */
export interface Shift {
  /** Team the officer works with on this shift. */
  teamId: string;
  /** Display name of that team. */
  teamName: string;
  /** Reference id of the location (a port). */
  location: string;
  /** Display label of the location. */
  locationLabel: string;
  /** ISO timestamp when the shift started. */
  startedAt: string;
}

/** The signed-in user as returned by `GET /api/auth/me`. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  teamName: string | null;
  grade: string | null;
  /** The current shift, or null when the user has not started one. */
  shift: Shift | null;
}

/** Tokens and user returned by `POST /api/auth/login` and `/refresh`. */
export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  user: User;
}

/** Roles that may open the plugin administration page. */
export const PLUGIN_ADMIN_ROLES: readonly Role[] = ['admin', 'plugin-admin'];

/** Roles the core lets read reports (`reports.read`); which reports each may run comes from `GET /api/reports`. */
export const REPORT_ROLES: readonly Role[] = ['officer', 'manager', 'intelligence', 'admin'];

/** Roles that may see and send again failed deliveries to other systems (`integrations.manage`). */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** Roles that may give people cover of a team and end it (`teams.cover`). */
export const TEAM_COVER_ROLES: readonly Role[] = ['manager', 'admin'];

/** Whether the user holds at least one of the given roles. */
export function hasAnyRole(user: User | null, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
