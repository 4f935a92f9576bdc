import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { SKIP_AUTH, SKIP_REFRESH } from './http-context';

/**
 * Adds the bearer token to API calls. On a 401 it refreshes the tokens once and retries;
 * if that fails too, the session is over and the user goes back to sign in.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/') || request.context.get(SKIP_AUTH)) return next(request);
  const auth = inject(AuthService);
  const router = inject(Router);
  const isUnauthorised = (error: unknown) => error instanceof HttpErrorResponse && error.status === 401;

  const expire = (error: unknown) => {
    void auth.expire(router.url);
    return throwError(() => error);
  };

  return next(withToken(request, auth.accessToken())).pipe(
    catchError((error: unknown) => {
      if (!isUnauthorised(error) || request.context.get(SKIP_REFRESH)) return throwError(() => error);
      return from(auth.refresh()).pipe(
        switchMap((refreshed) => {
          if (!refreshed) return expire(error);
          return next(withToken(request, auth.accessToken())).pipe(
            catchError((retryError: unknown) =>
              isUnauthorised(retryError) ? expire(retryError) : throwError(() => retryError),
            ),
          );
        }),
      );
    }),
  );
};

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}
