import type { Logger } from 'pino';

/**
 * SQLSTATEs that say the database, not the request, is at fault and that the same request
 * may succeed a moment later: connection exceptions (class 08), the server shutting down or
 * starting (57P01-57P03), too many connections (53300), and a serialisation failure or
 * deadlock (40001, 40P01), which PostgreSQL itself says to retry.
 */
const TRANSIENT_SQLSTATES = /^(08\w{3}|57P0[123]|53300|40001|40P01)$/;

/** Node's codes for a database that cannot be reached. */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** TypeORM's errors for a query runner whose connection went away under it. */
const TRANSIENT_NAMES = new Set(['QueryRunnerAlreadyReleasedError', 'ConnectionIsNotSetError']);

/** What node-postgres and TypeORM say, without a code, when the connection went away. */
const TRANSIENT_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error/,
  /^timeout exceeded when trying to connect/,
  /^Cannot use a pool after calling end/,
  /^Connection is not established/i,
  /^Database connection provided by a query runner was already released/,
  /^Query runner already released/,
];

/**
 * Whether an error (or anything it wraps: TypeORM's `driverError`, a `cause`, an
 * AggregateError's errors) is a lost or refused database connection, an administrator's
 * shutdown or a serialisation failure, whichever layer raised it.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const { name, code, message, driverError, cause, errors } = e as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATES.test(code) || TRANSIENT_NODE_CODES.has(code))) return true;
    if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((m) => m.test(message))) return true;
    queue.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

/** Seconds a client is told to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

/** How long the requests answered 503 are counted before the count is logged. */
const WINDOW_MS = 10_000;

/**
 * Logs a database outage once, as a warning, rather than a stack per request: the first
 * request answered 503 is logged with its error, the others are counted and the count of the
 * window is logged when it closes.
 */
export class TransientErrorLog {
  private count = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly logger: Logger) {}

  record(error: unknown): void {
    this.count++;
    if (this.timer) return;
    const e = error as { code?: unknown; message?: unknown };
    this.logger.warn(
      { code: e?.code, reason: typeof e?.message === 'string' ? e.message : String(error) },
      'database unavailable: answering 503 with Retry-After',
    );
    this.timer = setTimeout(() => this.flush(), WINDOW_MS);
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    const count = this.count;
    this.count = 0;
    if (count > 1)
      this.logger.warn({ count, seconds: WINDOW_MS / 1000 }, 'database unavailable: requests answered 503');
  }
}
