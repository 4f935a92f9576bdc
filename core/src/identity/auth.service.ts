import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { InputError, UnauthenticatedError, type FieldError } from '../common/errors.js';
import { CONFIG, LABELS, LOGGER } from '../tokens.js';
import type { EnvConfig } from '../config/env.config.js';
import { toUserView, type LabelLookup, type SessionView, type UserView } from './auth.dto.js';
import { hashPassword, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';
import { AccessService } from './access.service.js';
import type { ShiftTeamView } from './team-cover.dto.js';
import type { Caller } from './auth.guard.js';
import { SessionRepository } from './session.repository.js';
import { SessionRevocations } from './session-revocations.js';
import { SignInThrottle } from './sign-in-throttle.service.js';

const WRONG_CREDENTIALS = 'Enter a correct username and password';
const SESSION_ENDED = 'Your session has ended. Sign in again';

let dummy: Promise<string> | undefined;
/** A hash of a random password, made once per process, verified against when there is no real hash. */
const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('base64url')));

/** Local sign-in with lockout, rotating refresh tokens, and shifts. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly access: AccessService,
    private readonly sessions: SessionRepository,
    private readonly revocations: SessionRevocations,
    private readonly throttle: SignInThrottle,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LABELS) private readonly labels: LabelLookup,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    void dummyHash(); // made now, so the first unknown username costs no more than the next
  }

  /**
   * Every refusal looks the same from outside: an unknown account, an account without a
   * password (OpenID Connect, machine clients), a locked account and a wrong password all answer
   * 401 with one message, after the same scrypt work (a dummy hash stands in for a missing one),
   * so neither the answer nor its timing tells whether an account exists or is locked. A locked
   * account is refused even with the right password until the lockout ends; that is logged.
   * Before any of it, an address or username with too many recent failures must wait (429,
   * SignInThrottle), which it does whether the account exists or not.
   */
  async signIn(username: string, password: string, ip: string): Promise<SessionView> {
    await this.throttle.admit(username, ip);
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user?.passwordHash || !matches || (user.lockedUntil && user.lockedUntil.getTime() > Date.now()))
      await this.throttle.failed(username, ip);
    if (!user?.passwordHash) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      this.logger.info({ userId: user.id, lockedUntil: user.lockedUntil }, 'sign-in refused: account locked');
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    if (!matches) {
      const { lockedUntil } = await this.users.recordFailedSignIn(
        user.id,
        this.config.AUTH_MAX_FAILED_SIGN_INS,
        this.config.AUTH_LOCKOUT_MINUTES,
      );
      if (lockedUntil && lockedUntil.getTime() > Date.now())
        this.logger.warn({ userId: user.id, lockedUntil }, 'account locked after repeated failed sign-ins');
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.users.recordSuccessfulSignIn(user.id);
    await this.throttle.succeeded(username);
    return this.issue(user);
  }

  /**
   * Exchanges a refresh token for new tokens of the same session. A token used a second time
   * means someone holds a copy: the whole session (every refresh token descended from the
   * sign-in, and its access tokens) is revoked, for the thief and the officer alike.
   */
  async refresh(refreshToken: string): Promise<SessionView> {
    const outcome = await this.sessions.consumeRefreshToken(refreshToken);
    if (outcome.kind === 'reused') {
      await this.revocations.revoke([outcome.sessionId], outcome.userId, 'refresh-reused');
      this.logger.warn(
        { userId: outcome.userId, sessionId: outcome.sessionId },
        'refresh token used twice: session revoked',
      );
    }
    // A token stored while its session was being revoked (a refresh racing the sign-out) is refused too.
    const live = outcome.kind === 'valid' && !this.revocations.isRevoked(outcome.sessionId);
    const user = live ? await this.users.findById(outcome.userId) : null;
    if (!user || outcome.kind !== 'valid') throw new UnauthenticatedError(SESSION_ENDED);
    return this.issue(user, outcome.sessionId);
  }

  /**
   * Ends the session the caller signs out of: every access and refresh token of that sign-in
   * stops working, at once on this instance and within seconds on the others. Other sign-ins
   * of the account (another device) go on. Sessions of the OpenID Connect issuer end there.
   */
  async signOut(caller: Caller): Promise<void> {
    if (caller.sid) await this.revocations.revoke([caller.sid], caller.sub, 'signed-out');
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

  /** New tokens for the user, in a new session (a sign-in) or continuing one (a refresh). */
  private async issue(user: UserEntity, sessionId: string = randomUUID()): Promise<SessionView> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.storeRefreshToken(
      refreshToken,
      user.id,
      sessionId,
      new Date(Date.now() + this.config.AUTH_REFRESH_TOKEN_TTL_SECONDS * 1000),
    );
    const accessToken = await this.tokens.sign({
      sub: user.id,
      sid: sessionId,
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
}
