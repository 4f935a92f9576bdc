import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { Router, RouterLink } from '@angular/router';
import { OidcClient } from '../../core/auth/oidc-client';
import { safeReturnUrl } from '../../core/auth/return-url';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { PageTitle } from '../../core/ui/page-title';
import { AUTH_CALLBACK_MESSAGES } from './auth-callback.messages';

/**
 * `/auth/callback`: where the issuer sends the user back. Checks `state`, redeems the code with
 * the PKCE verifier, signs in with the tokens and goes to the page the user asked for.
 */
@Component({
  selector: 'cop-auth-callback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, RouterLink],
  templateUrl: './auth-callback.page.html',
})
export class AuthCallbackPage implements OnInit {
  private readonly oidc = inject(OidcClient);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);

  /** Query parameters the issuer adds. */
  readonly code = input<string>();
  readonly state = input<string>();
  readonly error = input<string>();

  readonly messages = AUTH_CALLBACK_MESSAGES;
  /** What went wrong, or null while signing in. */
  readonly problem = signal<string | null>(null);
  /** The problem for the error summary. */
  readonly problems = computed<readonly FieldProblem[]>(() => {
    const message = this.problem();
    return message ? [{ fieldId: '', message }] : [];
  });

  async ngOnInit(): Promise<void> {
    const pending = this.oidc.takePending();
    const error = this.error();
    if (error)
      return this.fail(
        error === 'access_denied' ? AUTH_CALLBACK_MESSAGES.accessDenied : AUTH_CALLBACK_MESSAGES.issuerError,
      );
    const code = this.code();
    if (!pending || !code || pending.state !== this.state()) return this.fail(AUTH_CALLBACK_MESSAGES.stateMismatch);
    const { oidc } = await this.oidc.authConfig();
    if (!oidc) return this.fail(AUTH_CALLBACK_MESSAGES.notConfigured);

    let tokens;
    try {
      tokens = await this.oidc.exchange(oidc, code, pending.codeVerifier);
    } catch {
      return this.fail(AUTH_CALLBACK_MESSAGES.exchangeFailed);
    }
    try {
      await this.oidc.signIn(tokens, {
        clientId: oidc.clientId,
        tokenEndpoint: oidc.tokenEndpoint,
        ...(oidc.endSessionEndpoint ? { endSessionEndpoint: oidc.endSessionEndpoint } : {}),
      });
    } catch (failure: unknown) {
      const refused = failure instanceof HttpErrorResponse && (failure.status === 401 || failure.status === 403);
      return this.fail(refused ? AUTH_CALLBACK_MESSAGES.noAccess : AUTH_CALLBACK_MESSAGES.exchangeFailed);
    }
    await this.router.navigateByUrl(safeReturnUrl(pending.returnUrl), { replaceUrl: true });
  }

  private fail(message: string): void {
    this.problem.set(message);
    this.pageTitle.setError(true);
  }
}
