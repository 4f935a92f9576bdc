/** The roles a user or machine client can hold. */
export const ROLES = ['officer', 'manager', 'intelligence', 'plugin-admin', 'admin', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
