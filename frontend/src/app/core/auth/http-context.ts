import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Whether a request must go out without the bearer token and without the 401 refresh (login, refresh). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

/** Whether a 401 on this request should not trigger a refresh (logout: the session is ending anyway). */
export const SKIP_REFRESH = new HttpContextToken<boolean>(() => false);

/** Context for requests that carry no session. */
export function anonymous(): HttpContext {
  return new HttpContext().set(SKIP_AUTH, true);
}
