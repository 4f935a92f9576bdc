import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';

/** The newest Debian PostgreSQL server binaries (postgresql-<n>) that have `tool`. */
export function postgresBinaries(tool = 'pg_ctl'): string {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', tool)))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) throw new Error(`Debian PostgreSQL server binaries (${tool}) not found under /usr/lib/postgresql`);
  return join(base, version, 'bin');
}

/** Runs PostgreSQL's tools from `bin`, in a folder of their own; as root, as the `postgres` user (PostgreSQL refuses root). */
export interface PostgresTools {
  /** A temporary folder the tools may write to (data directories, logs, the socket). */
  dir: string;
  run(tool: string, args: string[]): Buffer;
  /** `run` without blocking the event loop (requests in flight keep being served meanwhile). */
  runAsync(tool: string, args: string[]): Promise<void>;
}

export function postgresTools(bin: string, prefix: string): PostgresTools {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  return {
    dir,
    run: (tool, args) => execFileSync(...command(tool, args), { stdio: 'pipe' }),
    runAsync: (tool, args) =>
      new Promise((resolve, reject) =>
        execFile(...command(tool, args), (error, _stdout, stderr) =>
          error ? reject(new Error(`${tool} ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(),
        ),
      ),
  };
}

/** postgresql.conf lines for a throwaway server on `port`, reachable on 127.0.0.1 only. */
export function throwawaySettings(port: number, socketDir: string): string {
  return (
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${socketDir}'\n` +
    'fsync = off\nshared_buffers = 32MB\n'
  );
}

/**
 * A PostgreSQL server of a spec's own, which it may restart and crash: the machine's shared
 * server serves others and must never be. Made with Debian's binaries in a temporary folder, on
 * a free port.
 */
export interface PrivatePostgres {
  /** The spec's database on it. */
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: connections are ended (57P01), the server is back when it resolves. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m immediate`: every process is killed without a shutdown, as in a crash. */
  crash(): Promise<void>;
  /** Starts it again (after a crash: recovery from the WAL first); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

export async function startPrivatePostgres(database = 'cop_private'): Promise<PrivatePostgres> {
  const tools = postgresTools(postgresBinaries(), 'cop-private-pg-');
  const dataDir = join(tools.dir, 'data');
  const log = join(tools.dir, 'postgres.log');
  const port = await freePort();
  tools.run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8']);
  appendFileSync(join(dataDir, 'postgresql.conf'), throwawaySettings(port, tools.dir));
  writeFileSync(join(dataDir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  // -l on every start: without it the server's output would hold pg_ctl's pipes open.
  const ctl = (...args: string[]) => tools.runAsync('pg_ctl', ['-D', dataDir, ...args]);
  await ctl('-l', log, '-w', '-t', '60', 'start');
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    restart: () => ctl('-l', log, '-m', 'fast', '-w', '-t', '60', 'restart'),
    crash: () => ctl('-m', 'immediate', '-w', 'stop'),
    start: () => ctl('-l', log, '-w', '-t', '60', 'start'),
    close: async () => {
      await ctl('-m', 'immediate', '-w', 'stop').catch(() => undefined); // already stopped
      rmSync(tools.dir, { recursive: true, force: true });
    },
  };
}
