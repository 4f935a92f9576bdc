import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Runs one unit of work (a few queries) on one of the snapshot's connections. */
export type RunInSnapshot = <R>(unit: (manager: EntityManager) => Promise<R>) => Promise<R>;

interface Queued {
  unit: (manager: EntityManager) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const begin = async (runner: QueryRunner) => {
  await runner.startTransaction('REPEATABLE READ');
  await runner.query('SET TRANSACTION READ ONLY');
};

/**
 * Runs `work`'s units on up to `workers` connections that all read one snapshot: a REPEATABLE
 * READ, read-only transaction exports it (`pg_export_snapshot`) and the helpers' transactions
 * import it, so the figures are as consistent as in one transaction while independent queries
 * run side by side. The first connection never waits for the others: it works through the
 * queue itself and helpers join as the pool hands them out (so a busy pool only makes it slower,
 * never stuck), each taking the next unit when it is free.
 */
export async function inSnapshot<T>(
  source: DataSource,
  workers: number,
  work: (run: RunInSnapshot) => Promise<T>,
): Promise<T> {
  const queue: Queued[] = [];
  const idle: (() => void)[] = [];
  let closed = false;
  const wake = () => idle.splice(0).forEach((go) => go());

  const serve = async (manager: EntityManager) => {
    while (!closed) {
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((go) => idle.push(go));
        continue;
      }
      await next.unit(manager).then(next.resolve, next.reject);
    }
  };
  const run: RunInSnapshot = <R>(unit: (manager: EntityManager) => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
      wake();
    });

  const leader = source.createQueryRunner();
  await leader.connect();
  try {
    await begin(leader);
    let snapshot: string | undefined;
    if (workers > 1) {
      try {
        [{ id: snapshot }] = (await leader.query('SELECT pg_export_snapshot() AS id')) as { id: string }[];
      } catch {
        // Where a snapshot cannot be exported the leader works alone, on a fresh transaction.
        await leader.rollbackTransaction();
        await begin(leader);
      }
    }
    const served = serve(leader.manager);
    // Helpers that joined are waited for (they only have to finish and commit), not ones the pool has yet to hand out.
    const joined: Promise<void>[] = [];
    if (snapshot)
      for (let i = 1; i < workers; i++)
        void helper(
          source,
          snapshot,
          serve,
          () => closed,
          (rest) => joined.push(rest),
        );
    let result: T;
    try {
      result = await work(run);
    } finally {
      closed = true;
      wake();
      for (const left of queue.splice(0)) left.reject(new Error('the dashboard snapshot was closed'));
      await served;
      await Promise.allSettled(joined);
    }
    await leader.commitTransaction();
    return result;
  } catch (error: unknown) {
    if (leader.isTransactionActive) await leader.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await leader.release();
  }
}

/**
 * A helper connection on the leader's snapshot, serving the queue until the work is done, then
 * committing. Once the pool has handed it a connection, `join` hands the rest on so the leader
 * waits for it (it waits for nothing else); one handed out after the work is done goes back at
 * once, and one that cannot import the snapshot leaves the work to the others.
 */
async function helper(
  source: DataSource,
  snapshot: string,
  serve: (manager: EntityManager) => Promise<void>,
  isClosed: () => boolean,
  join: (rest: Promise<void>) => void,
): Promise<void> {
  const runner = source.createQueryRunner();
  const finish = async (rest?: Promise<void>) => {
    try {
      await rest;
      await runner.commitTransaction();
    } catch {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    } finally {
      await runner.release().catch(() => undefined);
    }
  };
  try {
    await runner.connect();
  } catch {
    return finish();
  }
  if (isClosed()) return finish();
  // From here on nothing waits for the pool: the leader waits for the rest.
  const rest = finish(
    (async () => {
      await begin(runner);
      await runner.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
      await serve(runner.manager);
    })(),
  );
  join(rest);
  return rest;
}
