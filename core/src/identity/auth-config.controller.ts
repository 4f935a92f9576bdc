import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { AuthConfigView, OidcClientView } from './auth-config.dto.js';
import { fetchDiscovery } from './oidc-discovery.js';
import { Public } from './permissions.js';

/** After a failed discovery, wait this long before asking the issuer again. */
const RETRY_AFTER_MS = 10_000;

/**
 * Tells the shell how users sign in. The issuer's endpoints come from its discovery document,
 * fetched once and kept; a failure is remembered briefly so an unreachable issuer is not asked
 * on every page load, and the shell falls back to local accounts.
 */
@ApiTags('identity')
@Controller('api')
export class AuthConfigController {
  private discovered?: Promise<OidcClientView>;
  private failedAt = 0;
  private failure = '';

  constructor(
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Public()
  @Get('auth/config')
  @ApiOkResponse({ type: AuthConfigView })
  async authConfig(): Promise<AuthConfigView> {
    const issuer = this.config.OIDC_ISSUER;
    if (!issuer) return { oidc: null };
    if (!this.discovered && Date.now() - this.failedAt < RETRY_AFTER_MS) return { oidc: null, error: this.failure };
    this.discovered ??= this.discover(issuer);
    try {
      return { oidc: await this.discovered };
    } catch (error: unknown) {
      this.discovered = undefined;
      this.failedAt = Date.now();
      this.failure = 'The sign-in service could not be reached. Sign in with a local account, or try again later';
      this.logger.warn({ err: error, issuer }, 'could not read the OIDC discovery document');
      return { oidc: null, error: this.failure };
    }
  }

  private async discover(issuer: string): Promise<OidcClientView> {
    const { authorizationEndpoint, tokenEndpoint, endSessionEndpoint } = await fetchDiscovery(
      issuer,
      this.config.OIDC_FETCH_TIMEOUT_MS,
    );
    if (!authorizationEndpoint || !tokenEndpoint) throw new Error('discovery has no authorization or token endpoint');
    return {
      issuer,
      clientId: this.config.OIDC_AUDIENCE ?? '',
      authorizationEndpoint,
      tokenEndpoint,
      ...(endSessionEndpoint ? { endSessionEndpoint } : {}),
    };
  }
}
