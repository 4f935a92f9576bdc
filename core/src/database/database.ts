import type { EventEmitter } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { DataSource, type MixedList } from 'typeorm';
import type { EnvConfig } from '../config/env.config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';

/** Where the data lives, and how to stop it if we started it. */
export interface DatabaseHandle {
  url: string;
  embedded?: EmbeddedServer;
}

/** Uses DATABASE_URL, or starts the embedded server under EMBEDDED_PG_DIR (created on first run). */
export async function openDatabase(config: EnvConfig, logger: Logger): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const dataDir = resolve(config.EMBEDDED_PG_DIR);
  const pgLog = logger.child({ context: 'embedded-postgres' });
  logger.info({ dataDir, port: config.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL');
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: config.EMBEDDED_PG_PORT,
    persistent: true,
    onLog: (message) => pgLog.debug(message),
  });
  return { url: embedded.url, embedded };
}

export function createDataSource(url: string, entities: MixedList<Function>, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, application_name: 'cop-core' },
  });
}

/**
 * A secret for the embedded default (the token-signing secret, the audit seal key): generated
 * once and kept beside the data folder, so sessions and the audit chain survive a restart.
 * Production sets AUTH_TOKEN_SECRET and AUDIT_SEAL_KEYS. With `create: false` a missing secret
 * is not made (undefined).
 */
export async function embeddedSecret(
  config: EnvConfig,
  name: 'auth-token-secret' | 'audit-seal-key' = 'auth-token-secret',
  { create = true } = {},
): Promise<string | undefined> {
  const file = resolve(config.EMBEDDED_PG_DIR, '..', name);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return existing.trim();
  if (!create) return undefined;
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Keeps every pooled connection listening for its 'error' event for its whole life. A
 * connection PostgreSQL ends (a restart, pg_terminate_backend) can report it after TypeORM let
 * go of it and before the pool did; an 'error' event nobody listens to would stop the process.
 * The request that used it has already been answered (503, core/src/common/transient-errors.ts).
 */
export function keepConnectionErrorsHandled(dataSource: DataSource, logger: Logger): void {
  const pool = (dataSource.driver as unknown as { master?: EventEmitter & { _clients?: EventEmitter[] } }).master;
  if (!pool) return;
  const guard = (client: EventEmitter) =>
    client.on('error', (error: Error) => logger.debug({ err: error }, 'pooled connection ended'));
  for (const client of pool._clients ?? []) guard(client);
  pool.on('connect', guard);
}
