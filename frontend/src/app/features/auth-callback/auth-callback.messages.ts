/** Every message the sign-in callback page shows. */
export const AUTH_CALLBACK_MESSAGES = {
  signingIn: 'Signing you in',
  accessDenied: 'You did not give permission to sign in with your Home Office account. Sign in again to continue',
  issuerError:
    'Your Home Office account could not sign you in. Try again, or contact the service desk if it keeps happening',
  stateMismatch:
    'Your sign-in could not be completed because it did not match the one this browser started. Sign in again',
  exchangeFailed: 'We could not finish signing you in with your Home Office account. Sign in again',
  notConfigured: 'Signing in with a Home Office account is not available at the moment. Sign in with a local account',
  noAccess: 'Your Home Office account does not give you access to this service. Contact the service desk',
} as const;
