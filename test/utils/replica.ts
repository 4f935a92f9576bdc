import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { postgresBinaries, postgresTools, throwawaySettings } from './private-postgres.js';

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

/**
 * initdb a primary on a free port (WAL for replicas, replication allowed from 127.0.0.1), copy it
 * with pg_basebackup -R to a standby on another port, and start both. PostgreSQL refuses to run
 * as root, so as root each command runs as the `postgres` user.
 */
export async function startReplicatedPostgres(database = 'cop_replica'): Promise<ReplicatedPostgres> {
  const { dir, run } = postgresTools(postgresBinaries('pg_basebackup'), 'cop-replica-');
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8']);
  appendFileSync(
    join(primaryDir, 'postgresql.conf'),
    `${throwawaySettings(primaryPort, dir)}wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n`,
  );
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
