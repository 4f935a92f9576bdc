import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { OidcClient, OidcConfig } from '../../core/auth/oidc-client';
import { safeReturnUrl } from '../../core/auth/return-url';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import { SIGN_IN_MESSAGES, signInErrorMessage } from './sign-in.messages';

/**
 * Sign-in: "Sign in with your Home Office account" (the issuer's authorization code flow) when the
 * core has an OpenID Connect issuer, and username and password for local (demo) accounts.
 */
@Component({
  selector: 'cop-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  templateUrl: './sign-in.page.html',
})
export class SignInPage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);
  private readonly oidcClient = inject(OidcClient);

  /** Query parameter: where to go after signing in. */
  readonly returnUrl = input<string>();
  /** Query parameter: 'true' just after the user signed out. */
  readonly signedOut = input<string>();

  /** Messages for the template. */
  readonly messages = SIGN_IN_MESSAGES;
  /** Current username text. */
  readonly username = signal('');
  /** Current password text. */
  readonly password = signal('');
  /** Whether a sign-in request is in flight. */
  readonly submitting = signal(false);
  /** Problems from the last attempt. */
  readonly problems = signal<readonly FieldProblem[]>([]);

  /** Inline error for the username field, if any. */
  readonly usernameError = computed(() => this.problemFor('username'));
  /** Inline error for the password field, if any. */
  readonly passwordError = computed(() => this.problemFor('password'));

  /** The issuer to sign in with, when the core has one. */
  readonly oidc = signal<OidcConfig | null>(null);
  /** Whether the browser is on its way to the issuer. */
  readonly redirecting = signal(false);

  /** Whether the user was sent here from another page. */
  readonly hasReturnUrl = computed(() => safeReturnUrl(this.returnUrl()) !== '/');

  async ngOnInit(): Promise<void> {
    this.oidc.set((await this.oidcClient.authConfig()).oidc);
  }

  /** Starts the authorization code flow at the issuer, coming back to the remembered page. */
  async signInWithOidc(): Promise<void> {
    const oidc = this.oidc();
    if (!oidc || this.redirecting()) return;
    this.redirecting.set(true);
    try {
      await this.oidcClient.start(oidc, safeReturnUrl(this.returnUrl()));
    } catch {
      this.redirecting.set(false);
      this.show([{ fieldId: '', message: SIGN_IN_MESSAGES.oidcUnavailable }]);
    }
  }

  /** Copies a field's text into its signal. */
  update(field: 'username' | 'password', event: Event): void {
    this[field].set(eventValue(event));
  }

  /** Validates, signs in, and goes to the remembered page (guards send users with no shift to start one). */
  async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    const problems: FieldProblem[] = [];
    if (!this.username().trim()) problems.push({ fieldId: 'username', message: SIGN_IN_MESSAGES.usernameRequired });
    if (!this.password()) problems.push({ fieldId: 'password', message: SIGN_IN_MESSAGES.passwordRequired });
    this.show(problems);
    if (problems.length) return;

    this.submitting.set(true);
    try {
      await this.auth.login(this.username().trim(), this.password());
      this.pageTitle.setError(false);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error: unknown) {
      this.password.set('');
      this.show([{ fieldId: 'username', message: signInErrorMessage(toApiError(error)) }]);
    } finally {
      this.submitting.set(false);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }

  private problemFor(fieldId: string): string | null {
    return this.problems().find((problem) => problem.fieldId === fieldId)?.message ?? null;
  }
}
