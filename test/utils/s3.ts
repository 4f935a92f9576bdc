import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3StoreSettings } from '../../core/src/attachments/s3-attachment-store.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 's3rver-child.mjs');

/** An S3-compatible server of the test's own (s3rver, from npm), with one bucket, in a temporary folder. */
export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The folder s3rver keeps the bucket in. */
  directory: string;
  /** Settings for an S3AttachmentStore on this server, under `prefix`. */
  settings(prefix?: string): S3StoreSettings;
  /** Environment for a test app that keeps attachments here, under `prefix`. */
  env(prefix?: string): Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * Starts s3rver in a child process (so a spec measuring its own memory does not count the
 * server's) on a free loopback port, with a fresh folder and the bucket made; nothing is assumed
 * running. s3rver accepts any credentials; these are the ones its documentation uses.
 */
export async function startS3(bucket = 'cop-attachments'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'cop-s3-'));
  const child: ChildProcess = spawn(process.execPath, [CHILD, directory, bucket], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`s3rver did not start: ${stderr}`)), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (${code}): ${stderr}`));
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    settings: (prefix = '') => ({
      endpoint,
      bucket,
      region: 'us-east-1',
      prefix,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }),
    env: (prefix = '') => ({
      ATTACHMENT_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: bucket,
      ...(prefix ? { S3_PREFIX: prefix } : {}),
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    }),
    async dispose() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
