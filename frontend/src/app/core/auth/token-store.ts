import { Injectable, signal } from '@angular/core';
import { Subject } from 'rxjs';
import type { User } from './user.model';

/** The tokens that prove who the user is. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
  /** Set when the tokens came from the OpenID Connect issuer: refresh there, not at the core. */
  oidc?: OidcSession;
}

/** Where an OpenID Connect session's tokens are refreshed and ended. */
export interface OidcSession {
  clientId: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  /** The ID token, sent as `id_token_hint` when ending the session at the issuer. */
  idToken?: string;
}

const STORAGE_KEY = 'cop.session';
/** The signed-in user as the core last described them, so a reload with no network keeps the session. */
const USER_KEY = 'cop.session.user';

/**
 * Keeps the tokens in memory and mirrors them to sessionStorage, so a reload keeps the
 * session but closing the tab ends it. Nothing goes to localStorage or cookies.
 */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  private tokens: SessionTokens | null = readStored();
  private readonly token = signal<string | null>(this.tokens?.accessToken ?? null);

  /** The current access token as a signal: changes on sign-in, refresh and sign-out (live connections follow it). */
  readonly accessToken = this.token.asReadonly();

  /** Emits the new access token (or null) on every change, for code that must act on it (the live stream). */
  readonly changes = new Subject<string | null>();

  /** The current tokens, or null when signed out. */
  get current(): SessionTokens | null {
    return this.tokens;
  }

  /** Stores new tokens from a login or refresh response (`oidc` for tokens from the issuer). */
  save(accessToken: string, refreshToken: string, expiresInSeconds: number, oidc?: OidcSession): void {
    this.tokens = { accessToken, refreshToken, expiresAt: Date.now() + expiresInSeconds * 1000, oidc };
    this.token.set(accessToken);
    this.changes.next(accessToken);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.tokens));
    } catch {
      // Storage can be disabled (private mode, policy); memory still works for this tab.
    }
  }

  /** The user kept with the session (for a start with no network), or null. */
  get keptUser(): User | null {
    try {
      const user = JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null') as User | null;
      return user && typeof user.id === 'string' ? user : null;
    } catch {
      return null;
    }
  }

  /** Keeps the user beside the tokens in sessionStorage (same lifetime: the tab). */
  keepUser(user: User | null): void {
    try {
      if (user) sessionStorage.setItem(USER_KEY, JSON.stringify(user));
      else sessionStorage.removeItem(USER_KEY);
    } catch {
      // Storage disabled: a reload with no network signs the user out, as before.
    }
  }

  /** Forgets the tokens everywhere. */
  clear(): void {
    this.tokens = null;
    this.token.set(null);
    this.changes.next(null);
    try {
      sessionStorage.removeItem(STORAGE_KEY);
      sessionStorage.removeItem(USER_KEY);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }
}

function readStored(): SessionTokens | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<SessionTokens>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string') return null;
    return { ...parsed, expiresAt: Number(parsed.expiresAt) || 0 } as SessionTokens;
  } catch {
    return null;
  }
}
