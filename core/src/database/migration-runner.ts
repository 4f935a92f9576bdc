import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';

/** A migration with the name it is recorded under. */
export interface NamedMigration {
  name: string;
  migration: MigrationInterface;
}

/** A migration threw; its transaction was rolled back. */
export class MigrationFailedError extends Error {
  constructor(
    readonly schema: string,
    readonly migrationName: string,
    readonly reason: string,
  ) {
    super(`Migration ${migrationName} in schema ${schema} failed: ${reason}`);
    this.name = 'MigrationFailedError';
  }
}

/**
 * Applies pending migrations to one schema, each in its own transaction, recording them in
 * `<schema>.migrations`. An advisory lock per schema makes concurrent instances take turns,
 * so a migration runs once however many cores start together.
 */
export async function runMigrations(
  dataSource: DataSource,
  schema: string,
  migrations: NamedMigration[],
  logger: Logger,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const applied: string[] = [];
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`cop-migrations:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await runner.query(
      `CREATE TABLE IF NOT EXISTS "${schema}"."migrations" (name text PRIMARY KEY, run_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set<string>(
      ((await runner.query(`SELECT name FROM "${schema}"."migrations"`)) as { name: string }[]).map((r) => r.name),
    );
    for (const { name, migration } of migrations) {
      if (done.has(name)) continue;
      await applyOne(runner, schema, name, migration);
      logger.info({ schema, migration: name }, 'migration applied');
      applied.push(name);
    }
    return applied;
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`cop-migrations:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

async function applyOne(
  runner: QueryRunner,
  schema: string,
  name: string,
  migration: MigrationInterface,
): Promise<void> {
  if (migration.transaction === false) return applyOutsideTransaction(runner, schema, name, migration);
  await runner.startTransaction();
  try {
    await runner.query(`SET LOCAL search_path TO "${schema}", public`);
    await migration.up(runner);
    await runner.query(`INSERT INTO "${schema}"."migrations" (name) VALUES ($1)`, [name]);
    await runner.commitTransaction();
  } catch (error: unknown) {
    await runner.rollbackTransaction();
    throw new MigrationFailedError(schema, name, error instanceof Error ? error.message : String(error));
  }
}

/**
 * A migration with `transaction = false` (TypeORM's flag), for what PostgreSQL refuses inside a
 * transaction: `CREATE INDEX CONCURRENTLY`, which builds an index without blocking writes to the
 * table while instances serve (docs/operations.md, "Rolling upgrades"). Nothing rolls it back,
 * so it holds one statement and can run again: a failed concurrent build leaves an invalid
 * index, which the migration drops (`DROP INDEX CONCURRENTLY IF EXISTS`) before building.
 */
async function applyOutsideTransaction(
  runner: QueryRunner,
  schema: string,
  name: string,
  migration: MigrationInterface,
): Promise<void> {
  try {
    await runner.query(`SET search_path TO "${schema}", public`);
    await migration.up(runner);
    await runner.query(`INSERT INTO "${schema}"."migrations" (name) VALUES ($1)`, [name]);
  } catch (error: unknown) {
    throw new MigrationFailedError(schema, name, error instanceof Error ? error.message : String(error));
  } finally {
    await runner.query('RESET search_path').catch(() => undefined);
  }
}
