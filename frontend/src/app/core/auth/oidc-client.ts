import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Schema } from '../api/schema';
import { AuthService } from './auth.service';
import { SKIP_REFRESH, anonymous } from './http-context';
import { pkceChallenge, randomValue } from './pkce';
import { OidcSession, TokenStore } from './token-store';
import { User } from './user.model';

/** The issuer as `GET /api/auth/config` describes it. */
export type OidcConfig = Schema<'OidcClientView'>;

/** `GET /api/auth/config`: `oidc` is null when only local accounts sign in. */
export type AuthConfig = Schema<'AuthConfigView'>;

/** What the shell keeps in sessionStorage between leaving for the issuer and coming back. */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  returnUrl: string;
}

const PENDING_KEY = 'cop.oidc.pending';

/**
 * The shell's side of the OpenID Connect authorization code flow with PKCE (S256). Only the
 * sign-in and callback pages import it; AuthService and the sign-out guard load it dynamically
 * for sessions that came from the issuer (refresh, end session), so it stays out of the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class OidcClient {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly tokens = inject(TokenStore);
  private config: Promise<AuthConfig> | null = null;

  /** The core's sign-in configuration, asked once per page load; a failure means local accounts only. */
  authConfig(): Promise<AuthConfig> {
    this.config ??= firstValueFrom(this.http.get<AuthConfig>('/api/auth/config', { context: anonymous() })).catch(
      () => {
        this.config = null;
        return { oidc: null };
      },
    );
    return this.config;
  }

  /** Where the issuer sends the user back. */
  redirectUri(): string {
    return `${location.origin}/auth/callback`;
  }

  /** Leaves for the issuer's authorization endpoint, with a fresh state and code verifier kept for the callback. */
  async start(config: OidcConfig, returnUrl: string): Promise<void> {
    const pending: PendingSignIn = { state: randomValue(), codeVerifier: randomValue(), returnUrl };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(config.authorizationEndpoint);
    const params = {
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: this.redirectUri(),
      scope: 'openid',
      state: pending.state,
      code_challenge: await pkceChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    location.assign(url.toString());
  }

  /** The sign-in this tab started, removed so a code can be redeemed only once; null if there is none. */
  takePending(): PendingSignIn | null {
    try {
      const raw = sessionStorage.getItem(PENDING_KEY);
      sessionStorage.removeItem(PENDING_KEY);
      const pending = raw ? (JSON.parse(raw) as Partial<PendingSignIn>) : null;
      if (typeof pending?.state !== 'string' || typeof pending.codeVerifier !== 'string') return null;
      return { state: pending.state, codeVerifier: pending.codeVerifier, returnUrl: String(pending.returnUrl ?? '/') };
    } catch {
      return null;
    }
  }

  /** Redeems the code at the token endpoint (`grant_type=authorization_code`, form-encoded, with the verifier). */
  exchange(config: OidcConfig, code: string, codeVerifier: string): Promise<OidcTokenResponse> {
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri(),
      client_id: config.clientId,
      code_verifier: codeVerifier,
    };
    return postForm(this.http, config.tokenEndpoint, form);
  }

  /**
   * Signs in with the issuer's tokens: the access token is the bearer token (the core verifies it)
   * and the user comes from `GET /api/auth/me`. Rejects, keeping nothing, when the core refuses the
   * token (no role for this service).
   */
  async signIn(response: OidcTokenResponse, session: OidcSession): Promise<User> {
    saveOidcTokens(this.tokens, response, session);
    try {
      const context = new HttpContext().set(SKIP_REFRESH, true);
      const user = await firstValueFrom(this.http.get<User>('/api/auth/me', { context }));
      this.auth.setUser(user);
      return user;
    } catch (error: unknown) {
      this.tokens.clear();
      throw error;
    }
  }
}

/** The token endpoint's answer (RFC 6749 §5.1). */
export interface OidcTokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
}

/** Keeps the issuer's tokens, remembering where to refresh and end the session. */
export function saveOidcTokens(
  store: TokenStore,
  response: OidcTokenResponse,
  session: OidcSession,
  refreshToken = '',
): void {
  const idToken = response.id_token ?? session.idToken;
  store.save(response.access_token, response.refresh_token ?? refreshToken, response.expires_in ?? 300, {
    ...session,
    ...(idToken ? { idToken } : {}),
  });
}

/** New tokens from the issuer's token endpoint (`grant_type=refresh_token`); rejects when refused. */
export async function refreshAtIssuer(http: HttpClient, store: TokenStore): Promise<void> {
  const { refreshToken, oidc } = store.current ?? {};
  if (!refreshToken || !oidc) throw new Error('Not an OpenID Connect session');
  const form = { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: oidc.clientId };
  saveOidcTokens(store, await postForm(http, oidc.tokenEndpoint, form), oidc, refreshToken);
}

/** A form-encoded POST to the token endpoint, without the bearer token (RFC 6749 §4.1.3, §6). */
function postForm(http: HttpClient, url: string, form: Record<string, string>): Promise<OidcTokenResponse> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  return firstValueFrom(
    http.post<OidcTokenResponse>(url, new URLSearchParams(form).toString(), { headers, context: anonymous() }),
  );
}

/** The issuer's end-session URL, coming back to the sign-in page (OpenID Connect RP-Initiated Logout). */
export function endSessionUrl(session: OidcSession & { endSessionEndpoint: string }, origin = location.origin): string {
  const url = new URL(session.endSessionEndpoint);
  url.searchParams.set('client_id', session.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${origin}/sign-in?signedOut=true`);
  if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
  return url.toString();
}
