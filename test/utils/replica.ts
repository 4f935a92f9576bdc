import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';

/** A primary PostgreSQL and a streaming replica of it, made for one spec from Debian's binaries. */
export interface ReplicatedPostgres {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs SQL on the replica's copy of the database (read only). */
  onReplica<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): void;
  startReplica(): void;
  close(): Promise<void>;
}

/** The newest Debian PostgreSQL server binaries (postgresql-<n>), which have pg_basebackup. */
function binaries(): string {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'pg_basebackup')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version)
    throw new Error('Debian PostgreSQL server binaries (pg_basebackup) not found under /usr/lib/postgresql');
  return join(base, version, 'bin');
}

/**
 * initdb a primary on a free port (WAL for replicas, replication allowed from 127.0.0.1), copy it
 * with pg_basebackup -R to a standby on another port, and start both. PostgreSQL refuses to run
 * as root, so as root each command runs as the `postgres` user.
 */
export async function startReplicatedPostgres(database = 'cop_replica'): Promise<ReplicatedPostgres> {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'cop-replica-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8']);
  const settings = (port: number) =>
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\n` +
    'wal_level = replica\nmax_wal_senders = 4\nfsync = off\nshared_buffers = 32MB\nhot_standby = on\n';
  appendFileSync(join(primaryDir, 'postgresql.conf'), settings(primaryPort));
  writeFileSync(
    join(primaryDir, 'pg_hba.conf'),
    'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
  );
  run('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', 'start']);
  run('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  appendFileSync(join(replicaDir, 'postgresql.conf'), `\nport = ${replicaPort}\n`);
  const startReplica = () => run('pg_ctl', ['-D', replicaDir, '-l', join(dir, 'replica.log'), '-w', 'start']);
  startReplica();

  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${database}`;
  const onReplica = async <T>(sql: string, params?: unknown[]): Promise<T[]> => {
    const client = new pg.Client({ connectionString: replicaUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  // The new database reaches the standby before anyone uses it.
  for (let i = 0; ; i++) {
    const ok = await onReplica('SELECT 1').then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error('the replica never received the new database');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl,
    onReplica,
    pauseReplay: async () => void (await onReplica('SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await onReplica('SELECT pg_wal_replay_resume()')),
    stopReplica: () => run('pg_ctl', ['-D', replicaDir, '-m', 'fast', '-w', 'stop']),
    startReplica,
    close: async () => {
      for (const d of [replicaDir, primaryDir]) {
        try {
          run('pg_ctl', ['-D', d, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
