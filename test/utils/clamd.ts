import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClamdClient } from '../../core/src/attachments/clamd-client.js';

/** The EICAR anti-virus test file: harmless, and detected as a virus by every scanner set up to. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** The name the test signature database gives it (clamd adds `.UNOFFICIAL` to signatures of its own databases). */
export const EICAR_SIGNATURE = 'Cop.Test.EICAR.UNOFFICIAL';

const CLAMD = ['/usr/sbin/clamd', '/usr/bin/clamd'].find((path) => existsSync(path)) ?? 'clamd';

/** A clamd of the test's own, on a unix socket and a TCP port, with a signature database that knows EICAR only. */
export interface TestClamd {
  socket: string;
  port: number;
  /** Environment for a test app that scans with this clamd (over the unix socket). */
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Starts it again after stop(), on the same socket and port. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * Starts clamd (Debian's clamav-daemon) with a temporary configuration: its database folder
 * holds one signature, EICAR's bytes anywhere in a file (an .ndb body signature), so no
 * download is needed and the real scanner answers as it would in production.
 */
export async function startClamd(): Promise<TestClamd> {
  const dir = await mkdtemp(join(tmpdir(), 'cop-clamd-'));
  const db = join(dir, 'db');
  await mkdir(db);
  await writeFile(join(db, 'cop-test.ndb'), `Cop.Test.EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const socket = join(dir, 'clamd.sock');
  const port = await freePort();
  const config = join(dir, 'clamd.conf');
  await writeFile(
    config,
    [
      `DatabaseDirectory ${db}`,
      `LocalSocket ${socket}`,
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      'Foreground yes',
      `PidFile ${join(dir, 'clamd.pid')}`,
      'StreamMaxLength 100M',
      'MaxThreads 4',
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const handle: TestClamd = {
    socket,
    port,
    env: { CLAMD_SOCKET: socket },
    async start() {
      await rm(socket, { force: true });
      const started = spawn(CLAMD, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      let stderr = '';
      started.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const client = new ClamdClient({ socket }, 2000);
      for (let i = 0; i < 200; i++) {
        if (started.exitCode !== null) throw new Error(`clamd exited (${started.exitCode}): ${stderr}`);
        if (existsSync(socket) && (await client.ping())) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`clamd did not answer on ${socket}: ${stderr}`);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async dispose() {
      await handle.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
