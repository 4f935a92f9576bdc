import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp, type RunningApp } from '../../core/src/app.js';
import { loadConfig } from '../../core/src/config/load-config.js';
import type { Logger } from 'pino';
import { createRootLogger } from '../../core/src/logging/logger.js';

/** Fixture plugins for the host's tests. */
export const FIXTURE_PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plugins');

export interface TestApp extends RunningApp {
  /** Connection string of this app's own database. */
  databaseUrl: string;
  /** Runs SQL against the app's database outside the app. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface TestAppOptions {
  pluginDirs?: string[];
  /** Reuse an existing database (restart tests) instead of a fresh one. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** The app's logger (default: the root logger at TEST_LOG_LEVEL, silent), e.g. to read its lines. */
  logger?: Logger;
}

/**
 * Boots the real core on a fresh PostgreSQL database (from COP_TEST_ADMIN_URL, set by the
 * global setup) with demo data, on a free port. `close()` stops it; the database is dropped
 * unless it was passed in.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    DEMO_DATA: 'true',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PLUGIN_DIRS: (options.pluginDirs ?? []).join(','),
    DATABASE_POOL_SIZE: '4',
    ...options.env,
  });
  const running = await createApp(config, options.logger ?? createRootLogger(config.LOG_LEVEL));
  // Every app a spec starts checks that entities and migrations agree, so a plugin's own
  // `npm test -- plugins/<id>` catches its drift (an index or constraint a migration creates
  // that its entity does not declare), not only the full suite's schema-drift spec.
  // Plugins that did not come up (a fixture whose migration fails, say) are the host's tests' business.
  const down = running.boot.registry
    .all()
    .filter((p) => p.status !== 'enabled')
    .map((p) => `"plugin_${p.id.replace(/-/g, '_')}"`);
  const drift = (await running.boot.dataSource.driver.createSchemaBuilder().log()).upQueries
    .map((q) => q.query)
    .filter((query) => !down.some((schema) => query.includes(schema)));
  if (drift.length > 0) {
    await running.close();
    if (!options.databaseUrl) await dropTestDatabase(databaseUrl);
    throw new Error(`entities and migrations disagree; TypeORM would run:\n${drift.join('\n')}`);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // A connection still closing when the database is dropped (WITH FORCE) is terminated by the
  // server; that is expected at teardown and must not surface as an unhandled 'error' event.
  pool.on('error', () => undefined);
  return {
    ...running,
    databaseUrl,
    sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close: async () => {
      await running.close();
      await pool.end();
      if (!options.databaseUrl) await dropTestDatabase(databaseUrl);
    },
  };
}

/** A new, empty database on the test server. */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env.COP_TEST_ADMIN_URL;
  if (!admin) throw new Error('COP_TEST_ADMIN_URL is not set: run tests through jest (the global setup sets it)');
  const name = `cop_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: process.env.COP_TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Signs in a demo user and returns the bearer header. */
export async function signIn(
  app: { url: string },
  username: string,
  password = 'demo-password',
): Promise<Record<string, string>> {
  const response = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${body.accessToken}` };
}
