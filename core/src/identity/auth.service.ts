import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InputError, LockedError, UnauthenticatedError, type FieldError } from '../common/errors.js';
import { CONFIG, LABELS } from '../tokens.js';
import type { EnvConfig } from '../config/env.config.js';
import { toUserView, type LabelLookup, type SessionView, type UserView } from './auth.dto.js';
import { verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { AccessService } from './access.service.js';
import type { ShiftTeamView } from './team-cover.dto.js';

const WRONG_CREDENTIALS = 'Enter a correct username and password';

/** Local sign-in with lockout, rotating refresh tokens, and shifts. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly access: AccessService,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LABELS) private readonly labels: LabelLookup,
  ) {}

  async signIn(username: string, password: string): Promise<SessionView> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    if (!user?.passwordHash) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw this.lockedError(user.lockedUntil);
    if (!(await verifyPassword(password, user.passwordHash))) {
      const { lockedUntil } = await this.users.recordFailedSignIn(
        user.id,
        this.config.AUTH_MAX_FAILED_SIGN_INS,
        this.config.AUTH_LOCKOUT_MINUTES,
      );
      if (lockedUntil && lockedUntil.getTime() > Date.now()) throw this.lockedError(lockedUntil);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.users.recordSuccessfulSignIn(user.id);
    return this.issue(user);
  }

  async refresh(refreshToken: string): Promise<SessionView> {
    const userId = await this.users.consumeRefreshToken(refreshToken);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) throw new UnauthenticatedError('Your session has ended. Sign in again');
    return this.issue(user);
  }

  async signOut(userId: string): Promise<void> {
    await this.users.revokeRefreshTokens(userId);
  }

  async me(userId: string): Promise<UserView> {
    return toUserView(await this.requireUser(userId), this.labels);
  }

  /** The teams the user may start a shift on: their own, their memberships and current covers. */
  async shiftTeams(userId: string): Promise<ShiftTeamView[]> {
    const teams = await this.access.shiftTeams(await this.requireUser(userId));
    return teams.map((t) => ({
      id: t.teamId,
      label: this.labels('teams', t.teamId) ?? t.teamId,
      via: t.via,
      validTo: t.validTo?.toISOString() ?? null,
    }));
  }

  /**
   * Starts a shift on a team the user may work on. The shift team widens what they see, so a
   * team they neither belong to nor were granted cover on is refused like any other bad value.
   */
  async startShift(userId: string, teamId: string, location: string, ip: string): Promise<UserView> {
    const user = await this.requireUser(userId);
    const errors: FieldError[] = [];
    const allowed = await this.access.shiftTeams(user);
    const via = allowed.find((t) => t.teamId === teamId)?.via;
    if (!this.labels('teams', teamId)) errors.push({ path: 'teamId', message: 'Select a team from the list' });
    else if (!via) errors.push({ path: 'teamId', message: 'Select a team you belong to or have been asked to cover' });
    if (!this.labels('ports', location)) errors.push({ path: 'location', message: 'Select a location from the list' });
    if (errors.length > 0) throw new InputError('Check your shift details', errors);
    await this.users.setShift(userId, { teamId, location }, { actor: user.username, ip, via: via! });
    this.access.forget(userId);
    return this.me(userId);
  }

  async endShift(userId: string, ip: string): Promise<UserView> {
    const user = await this.requireUser(userId);
    await this.users.setShift(userId, null, { actor: user.username, ip });
    this.access.forget(userId);
    return this.me(userId);
  }

  private async issue(user: UserEntity): Promise<SessionView> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.users.storeRefreshToken(
      refreshToken,
      user.id,
      new Date(Date.now() + this.config.AUTH_REFRESH_TOKEN_TTL_SECONDS * 1000),
    );
    const accessToken = this.tokens.sign({
      sub: user.id,
      username: user.username,
      roles: user.roles,
      teamId: user.teamId,
    });
    return { accessToken, refreshToken, expiresIn: this.tokens.expiresIn, user: toUserView(user, this.labels) };
  }

  private async requireUser(userId: string): Promise<UserEntity> {
    const user = await this.users.findById(userId);
    if (!user) throw new UnauthenticatedError();
    return user;
  }

  private lockedError(until: Date): LockedError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return new LockedError(`Your account is locked after too many failed sign-ins. Try again in ${minutes} minutes`);
  }
}
