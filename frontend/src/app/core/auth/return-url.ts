/**
 * Returns the URL to go back to after signing in, or '/' when the given value is not a
 * path inside the shell (so a crafted link cannot send the user to another site).
 */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/sign-out')) return '/';
  return value;
}
