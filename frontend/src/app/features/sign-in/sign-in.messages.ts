import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the sign-in page shows. */
export const SIGN_IN_MESSAGES = {
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  rejected: 'Enter a correct username and password',
  locked: 'Your account is locked. Contact the service desk to unlock it',
  signedOut: 'You have signed out',
  returnAfterSignIn: 'Sign in to continue to the page you asked for.',
  oidcButton: 'Sign in with your Home Office account',
  oidcUnavailable: 'Signing in with a Home Office account is not available at the moment. Try again later',
} as const;

/** The message for a failed sign-in: the server's own words for 401 and 423 when it gives them. */
export function signInErrorMessage(error: ApiError): string {
  if (error.status === 401) return error.message ?? SIGN_IN_MESSAGES.rejected;
  if (error.status === 423) return error.message ?? SIGN_IN_MESSAGES.locked;
  return commonMessage(error) ?? error.message ?? SIGN_IN_MESSAGES.rejected;
}
