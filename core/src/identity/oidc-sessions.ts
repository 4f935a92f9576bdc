import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { AccessService } from './access.service.js';
import { OidcVerifier } from './oidc.verifier.js';
import type { AccessClaims } from './token.service.js';
import { UserRepository } from './user.repository.js';

const REFRESH_MS = 60_000;

/**
 * Turns a valid OpenID Connect token into the core's caller claims, keeping a local user row
 * (roles and team from the token) so cases and the audit log have an owner.
 */
@Injectable()
export class OidcSessions {
  private readonly verifier: OidcVerifier;
  private readonly known = new Map<string, { userId: string; key: string; at: number }>();

  constructor(
    private readonly users: UserRepository,
    private readonly access: AccessService,
    @Inject(CONFIG) config: EnvConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.verifier = new OidcVerifier(config, logger.child({ context: 'oidc' }));
  }

  async claims(token: string): Promise<AccessClaims | undefined> {
    if (!this.verifier.enabled || !token) return undefined;
    const identity = await this.verifier.verify(token);
    if (!identity || identity.roles.length === 0) return undefined;
    const key = JSON.stringify([
      identity.username,
      identity.displayName,
      identity.roles,
      identity.teamId,
      identity.givenName,
      identity.familyName,
      identity.email,
    ]);
    let entry = this.known.get(identity.subject);
    if (!entry || entry.key !== key || Date.now() - entry.at > REFRESH_MS) {
      const userId = await this.users.upsertFromOidc(identity);
      if (entry?.key !== key) this.access.forget(userId);
      entry = { userId, key, at: Date.now() };
      this.known.set(identity.subject, entry);
    }
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: entry.userId,
      username: identity.username,
      roles: identity.roles,
      teamId: identity.teamId,
      iat: now,
      exp: now + 60,
    };
  }
}
