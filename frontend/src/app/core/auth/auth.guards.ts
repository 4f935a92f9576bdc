import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { safeReturnUrl } from './return-url';
import { Role, hasAnyRole } from './user.model';

/** Lets signed-in users through; sends others to sign in, remembering where they were going. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.isSignedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: returnParams(state.url) });
};

/** Lets users with a shift through; sends others to start one first. */
export const shiftGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).hasShift()) return true;
  return inject(Router).createUrlTree(['/shift/start'], { queryParams: returnParams(state.url) });
};

/** Keeps the sign-in page for signed-out users. */
export const signedOutGuard: CanActivateFn = () => {
  return inject(AuthService).isSignedIn() ? inject(Router).createUrlTree(['/']) : true;
};

/** Lets users holding one of the roles through; shows the forbidden page to others. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => {
    if (hasAnyRole(inject(AuthService).user(), roles)) return true;
    return inject(Router).createUrlTree(['/forbidden']);
  };
}

/** Signs the user out, then shows the sign-in page; used by the header's "Sign out" link. */
export const signOutGuard: CanActivateFn = async () => {
  const router = inject(Router);
  await inject(AuthService).logout();
  return router.createUrlTree(['/sign-in'], { queryParams: { signedOut: 'true' } });
};

function returnParams(url: string): Record<string, string> {
  const returnUrl = safeReturnUrl(url);
  return returnUrl === '/' ? {} : { returnUrl };
}
