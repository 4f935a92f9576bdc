import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SKIP_REFRESH, anonymous } from './http-context';
import { safeReturnUrl } from './return-url';
import { TokenStore } from './token-store';
import { LoginResponse, User } from './user.model';

/** Signs users in and out, keeps the current user, and refreshes the access token. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly tokens = inject(TokenStore);
  private readonly currentUser = signal<User | null>(null);
  private refreshing: Promise<boolean> | null = null;

  /** The signed-in user, or null. */
  readonly user = this.currentUser.asReadonly();

  /** Whether someone is signed in. */
  readonly isSignedIn = computed(() => this.currentUser() !== null);

  /** Whether the signed-in user has started a shift. */
  readonly hasShift = computed(() => !!this.currentUser()?.shift);

  /** The access token to send, or null when signed out. */
  accessToken(): string | null {
    return this.tokens.current?.accessToken ?? null;
  }

  /** Restores the session kept in sessionStorage (called once at start). Never throws. */
  async restore(): Promise<void> {
    if (!this.tokens.current) return;
    try {
      this.setUser(await firstValueFrom(this.http.get<User>('/api/auth/me')));
    } catch (error: unknown) {
      // No network (a reload offline): carry on as the user kept with the session; the core
      // checks the token again on the next request that reaches it.
      const kept = this.tokens.keptUser;
      if (error instanceof HttpErrorResponse && error.status === 0 && kept) this.currentUser.set(kept);
      else this.forget();
    }
  }

  /** Signs in; rejects with the HTTP error so the page can show the server's message. */
  async login(username: string, password: string): Promise<User> {
    const body = { username, password };
    const response = await firstValueFrom(
      this.http.post<LoginResponse>('/api/auth/login', body, { context: anonymous() }),
    );
    this.accept(response);
    return response.user;
  }

  /**
   * Exchanges the refresh token for new tokens. Concurrent callers share one request.
   * Resolves false (and forgets the session) when the refresh is refused.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /**
   * Signs out on the server (best effort) and forgets the session here. An OpenID Connect session
   * whose issuer has an end-session endpoint is ended there too: the browser leaves for it, and the
   * issuer sends the user back to sign-in.
   */
  async logout(): Promise<void> {
    const oidc = this.tokens.current?.oidc;
    const refreshToken = this.tokens.current?.refreshToken;
    if (refreshToken) {
      const context = new HttpContext().set(SKIP_REFRESH, true);
      try {
        await firstValueFrom(this.http.post('/api/auth/logout', { refreshToken }, { context }));
      } catch {
        // The tokens are dropped either way; an unreachable server must not keep the user signed in here.
      }
    }
    this.forget();
    if (oidc?.endSessionEndpoint)
      location.assign(
        (await import('./oidc-client')).endSessionUrl({ ...oidc, endSessionEndpoint: oidc.endSessionEndpoint }),
      );
  }

  /** Replaces the current user after the server changed it (a shift started or ended). */
  setUser(user: User): void {
    this.currentUser.set(user);
    this.tokens.keepUser(user);
  }

  /** Ends a session the server no longer accepts and sends the user to sign in, remembering where they were. */
  async expire(currentUrl: string): Promise<void> {
    this.forget();
    // Before the first navigation the route guards decide where to go, with the right return URL.
    if (!this.router.navigated) return;
    const returnUrl = safeReturnUrl(currentUrl);
    const queryParams = returnUrl === '/' ? {} : { returnUrl };
    await this.router.navigate(['/sign-in'], { queryParams });
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.tokens.current?.refreshToken;
    if (!refreshToken) return false;
    try {
      // OpenID Connect sessions refresh at the issuer's token endpoint, not at the core.
      if (this.tokens.current?.oidc)
        return await import('./oidc-client').then((m) => m.refreshAtIssuer(this.http, this.tokens)).then(() => true);
      const response = await firstValueFrom(
        this.http.post<LoginResponse>('/api/auth/refresh', { refreshToken }, { context: anonymous() }),
      );
      this.accept(response);
      return true;
    } catch {
      this.forget();
      return false;
    }
  }

  private accept(response: LoginResponse): void {
    this.tokens.save(response.accessToken, response.refreshToken, response.expiresIn);
    this.setUser(response.user);
  }

  private forget(): void {
    this.tokens.clear();
    this.currentUser.set(null);
    // The service worker's copies of API answers (sw.js) belong to this session.
    if (typeof caches !== 'undefined') void caches.delete('cop-api').catch(() => undefined);
  }
}
