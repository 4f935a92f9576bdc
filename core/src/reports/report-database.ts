import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG, LOGGER } from '../tokens.js';

const CHECK_TIMEOUT_MS = 2000;

/** `work`, or a rejection after `ms`. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Where report queries go now, and why. */
export interface ReportDatabaseState {
  using: 'primary' | 'replica';
  /** Why the primary is used although a replica is configured; undefined on the replica. */
  reason?: 'unreachable' | 'not a standby' | 'lagging';
  /** The replica's lag at the last check, in seconds. */
  lagSeconds?: number;
  checkedAt?: Date;
}

/**
 * How far the standby is behind: nothing when it has replayed all it received while streaming,
 * otherwise the time since the last transaction it replayed.
 */
const LAG_SQL = `
  SELECT pg_is_in_recovery() AS standby,
         CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                   AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')
              THEN 0
              ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1e9)
         END::float8 AS lag`;

/**
 * The database report queries read: the replica DATABASE_REPLICA_URL names while it is a
 * standby no more than REPLICA_MAX_LAG_SECONDS behind, the primary otherwise (and always without
 * a replica). The replica's state is checked at most every REPLICA_CHECK_SECONDS, on demand, so
 * an idle core does not poll it; each change of database is logged once.
 */
@Injectable()
export class ReportDatabase implements OnApplicationShutdown {
  private replica?: DataSource;
  private current: ReportDatabaseState = { using: 'primary' };
  private checking?: Promise<void>;
  private readonly logger: Logger;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'report-database' });
  }

  /** The state at the last check. */
  get state(): ReportDatabaseState {
    return { ...this.current };
  }

  /** The data source the next report query should run on. */
  async source(): Promise<DataSource> {
    if (!this.config.DATABASE_REPLICA_URL) return this.primary;
    const age = this.current.checkedAt ? Date.now() - this.current.checkedAt.getTime() : Infinity;
    if (age >= this.config.REPLICA_CHECK_SECONDS * 1000) await (this.checking ??= this.check());
    return this.current.using === 'replica' && this.replica ? this.replica : this.primary;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }

  private async check(): Promise<void> {
    const limit = this.config.REPLICA_MAX_LAG_SECONDS;
    let next: ReportDatabaseState;
    try {
      if (!this.replica?.isInitialized) {
        this.replica = new DataSource({
          type: 'postgres',
          url: this.config.DATABASE_REPLICA_URL,
          entities: [],
          synchronize: false,
          migrationsRun: false,
          // Reports only: a small pool, and a replica that does not answer is given up on quickly.
          extra: {
            max: Math.max(2, Math.ceil(this.config.DATABASE_POOL_SIZE / 2)),
            connectionTimeoutMillis: CHECK_TIMEOUT_MS,
            application_name: 'cop-core-reports',
          },
        });
        await this.replica.initialize();
      }
      const [row] = (await within(this.replica.query(LAG_SQL), CHECK_TIMEOUT_MS)) as {
        standby: boolean;
        lag: number;
      }[];
      const { standby, lag } = row!;
      next = !standby
        ? { using: 'primary', reason: 'not a standby' }
        : lag > limit
          ? { using: 'primary', reason: 'lagging', lagSeconds: lag }
          : { using: 'replica', lagSeconds: lag };
    } catch (error: unknown) {
      if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
      this.replica = undefined;
      next = { using: 'primary', reason: 'unreachable' };
      if (this.current.reason !== 'unreachable') this.logger.debug({ err: error }, 'replica check failed');
    }
    next.checkedAt = new Date();
    const changed = next.using !== this.current.using || next.reason !== this.current.reason || !this.current.checkedAt;
    this.current = next;
    this.checking = undefined;
    if (!changed) return;
    if (next.using === 'replica') this.logger.info({ lagSeconds: next.lagSeconds }, 'report queries read the replica');
    else
      this.logger.warn(
        { reason: next.reason, lagSeconds: next.lagSeconds, limitSeconds: limit },
        `report queries read the primary: the replica is ${next.reason}`,
      );
  }
}
