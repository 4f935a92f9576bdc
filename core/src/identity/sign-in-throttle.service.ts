import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { SignInThrottleRepository, type DelayPolicy } from './sign-in-throttle.repository.js';

/** One minute: the window an address's sign-in attempts are counted in. */
const IP_WINDOW_SECONDS = 60;
/** An account's attempts are counted from zero again after this long without one. */
const FORGET_AFTER_SECONDS = 15 * 60;
const PRUNE_MS = 10 * 60_000;

/**
 * Refused before any password was checked: 429 with `Retry-After` (set by the controller) and
 * the usual error shape, naming the username field the shell shows it under.
 */
export class SignInThrottledError extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const message = `Too many sign-in attempts. Wait ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'} and try again`;
    super(
      { statusCode: HttpStatus.TOO_MANY_REQUESTS, message, errors: [{ path: 'username', message }] },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Slows password guessing without letting a stranger lock an officer out by typing their
 * username (docs/operations.md, "Sign-in throttling"). Per client address, at most
 * AUTH_SIGN_INS_PER_IP_PER_MINUTE failed attempts a minute. Per username as typed (known or not,
 * so the answer does not tell them apart), AUTH_SIGN_IN_FREE_ATTEMPTS failures in a row, then
 * each next attempt waits twice as long as the one before, from 1 s up to
 * AUTH_SIGN_IN_MAX_DELAY_SECONDS; a success clears it. An attempt made too soon is refused with
 * 429 before any password is checked, and is not counted. The account lockout (AUTH_MAX_FAILED_SIGN_INS) comes only after many
 * such waits. Counters are in PostgreSQL, so they hold across instances.
 */
@Injectable()
export class SignInThrottle {
  private readonly policy: DelayPolicy;

  constructor(
    private readonly throttle: SignInThrottleRepository,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.policy = {
      free: config.AUTH_SIGN_IN_FREE_ATTEMPTS,
      baseSeconds: 1,
      maxSeconds: config.AUTH_SIGN_IN_MAX_DELAY_SECONDS,
      forgetAfterSeconds: FORGET_AFTER_SECONDS,
    };
  }

  /** Throws SignInThrottledError when the address or the username must wait before another attempt. */
  async admit(username: string, ip: string): Promise<void> {
    const limit = this.config.AUTH_SIGN_INS_PER_IP_PER_MINUTE;
    const waits = await this.throttle.waiting(ipKey(ip), limit, IP_WINDOW_SECONDS, accountKey(username));
    if (waits.length === 0) return;
    const retryAt = Math.max(...waits.map((w) => new Date(w.retryAt).getTime()));
    const keys = waits.map((w) => w.key.slice(0, w.key.indexOf(':')));
    this.logger.info({ ip, throttled: keys }, 'sign-in refused: too many failed attempts, wait');
    throw new SignInThrottledError(secondsUntil(retryAt));
  }

  /** A wrong password (or an unknown or locked account): counted for the address and the username. */
  async failed(username: string, ip: string): Promise<void> {
    const perIp = await this.throttle.countInWindow(ipKey(ip), IP_WINDOW_SECONDS);
    if (perIp === this.config.AUTH_SIGN_INS_PER_IP_PER_MINUTE)
      this.logger.warn({ ip, limit: this.config.AUTH_SIGN_INS_PER_IP_PER_MINUTE }, 'sign-ins throttled for an address');
    await this.throttle.countSpaced(accountKey(username), this.policy);
  }

  /** The right password: the username's failures are forgotten. */
  async succeeded(username: string): Promise<void> {
    await this.throttle.clear(accountKey(username));
  }

  @Interval('sign-in-throttle-prune', PRUNE_MS)
  async prune(): Promise<void> {
    await this.throttle
      .removeQuiet(24 * 3600)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not prune the sign-in counters'));
  }
}

const ipKey = (ip: string) => `ip:${ip}`;
const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
const secondsUntil = (at: number) => Math.max(1, Math.ceil((at - Date.now()) / 1000));
