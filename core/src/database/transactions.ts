import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Opens the transactions services run their repositories in.
 *
 * The one convention for repositories and transactions (docs/architecture.md, "Services and
 * repositories"): a service opens the transaction with `run`, and passes the EntityManager it is
 * given as the FIRST argument of every repository call that belongs to it, e.g.
 * `cases.insertLink(manager, …)`. A repository method that may also run on its own takes
 * `EntityManager | undefined` there and runs on the pool when given `undefined`; one that only
 * makes sense inside the caller's transaction (a write that commits with others, a row lock)
 * requires it, so it cannot slip out of the transaction by mistake. Services never run SQL on
 * the manager; they pass it on (to repositories, and to plugin hooks as `ctx.manager`).
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Whether the database connection is open (false while the core shuts down), for timers. */
  get available(): boolean {
    return this.dataSource.isInitialized;
  }
}
