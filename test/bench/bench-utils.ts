import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../core/src/database/embedded-postgres.js';

export const RESULTS_DIR = join(process.cwd(), 'test', 'bench', 'results');

/** Writes the full result as JSON and prints the one-line summary last. */
export async function report(name: string, summary: string, result: unknown): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${summary}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** A new database on the benchmark's server; returns its connection string. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
  await client.end();
}

/**
 * The benchmark's PostgreSQL server: the one at DATABASE_URL, or an embedded one started in a
 * private folder (`work`, also free for the benchmark's own files). `close` stops and removes both.
 */
export async function benchPostgres(name: string): Promise<{ work: string; adminUrl: string; close(): Promise<void> }> {
  const work = await mkdtemp(join(tmpdir(), `cop-bench-${name}-`));
  await chmod(work, 0o755); // the embedded server runs as the postgres user when we are root
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: 0, persistent: false });
  return {
    work,
    adminUrl: process.env.DATABASE_URL ?? embedded!.url,
    close: async () => {
      await embedded?.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** `benchPostgres` and a new database on it, dropped by `close` (kept when BENCH_KEEP_DB is set). */
export async function benchDatabase(
  name: string,
): Promise<{ work: string; adminUrl: string; databaseUrl: string; close(): Promise<void> }> {
  const server = await benchPostgres(name);
  const databaseUrl = await createDatabase(server.adminUrl, `cop_bench_${name}_${randomBytes(3).toString('hex')}`);
  return {
    ...server,
    databaseUrl,
    close: async () => {
      if (process.env.BENCH_KEEP_DB) process.stdout.write(`kept the database: ${databaseUrl}\n`);
      else await dropDatabase(server.adminUrl, databaseUrl).catch(() => undefined);
      await server.close();
    },
  };
}
