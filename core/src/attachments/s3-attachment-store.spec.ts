import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startS3, type TestS3 } from '../../../test/utils/s3.js';
import { FileTooLargeError } from './attachment-store.js';
import { AttachmentStoreUnusableError, PART_BYTES, S3AttachmentStore } from './s3-attachment-store.js';

const MiB = 1024 * 1024;

/** `total` bytes of fresh random data in pieces of `piece` bytes (as a multipart upload arrives), made as they are read. */
async function* randomSource(total: number, piece = 64 * 1024, onPiece?: (sent: number) => void) {
  for (let sent = 0; sent < total;) {
    const next = randomBytes(Math.min(piece, total - sent));
    sent += next.length;
    onPiece?.(sent);
    yield next;
  }
}

/** Yields the bytes in odd-sized pieces, then fails as a cut-off upload does. */
async function* failingAfter(bytes: Buffer, error: Error) {
  for (let at = 0; at < bytes.length; at += 70_001) yield bytes.subarray(at, at + 70_001);
  throw error;
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** V8's collector, to measure live memory rather than garbage not yet collected. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('S3AttachmentStore, against a real S3-compatible server (s3rver)', () => {
  let s3: TestS3;
  let store: S3AttachmentStore;
  let prefix: string;
  /** Every object in the bucket under this spec's prefix, as the server lists them. */
  const listed = async () => (await readdirDeep(join(s3.directory, s3.bucket))).filter((f) => f.startsWith(prefix));

  beforeAll(async () => {
    s3 = await startS3();
  });
  beforeEach(() => {
    prefix = `spec-${randomUUID().slice(0, 8)}/`;
    store = new S3AttachmentStore(s3.settings(prefix));
  });
  afterEach(() => store.destroy());
  afterAll(async () => s3?.dispose());

  it('writes a file as 1 MiB objects under <prefix><id>/, with its size and SHA-256, reads it back, and removes it', async () => {
    const bytes = randomBytes(2 * MiB + 12_345);
    const id = randomUUID();
    const stored = await store.write(id, failingAfterNothing(bytes), 10 * MiB);
    expect(stored).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await store.keys(id)).toEqual([`${prefix}${id}/000000`, `${prefix}${id}/000001`, `${prefix}${id}/000002`]);
    expect(Buffer.compare(await readAll(store.read(id)), bytes)).toBe(0);
    // Another file under the prefix is its own.
    const other = randomUUID();
    await store.write(other, failingAfterNothing(Buffer.from('a small file')), 10 * MiB);
    await store.remove(id);
    expect(await store.keys(id)).toEqual([]);
    expect((await readAll(store.read(id))).length).toBe(0);
    expect((await readAll(store.read(other))).toString()).toBe('a small file');
    await store.remove(id); // removing what is not there is no error
  });

  it('refuses a file over the cap part-way through and leaves nothing in the bucket', async () => {
    const id = randomUUID();
    let sent = 0;
    await expect(
      store.write(
        id,
        randomSource(5 * MiB, 64 * 1024, (n) => (sent = n)),
        3 * MiB,
      ),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    // Stopped at the cap, after three parts had gone to the bucket, and those were deleted.
    expect(sent).toBe(3 * MiB + 64 * 1024);
    expect(await store.keys(id)).toEqual([]);
    expect(await listed()).toEqual([]);
  });

  it('leaves nothing when the upload breaks off', async () => {
    const id = randomUUID();
    const cut = new Error('upload cut off');
    await expect(store.write(id, failingAfter(randomBytes(2 * MiB + 5), cut), 10 * MiB)).rejects.toBe(cut);
    expect(await store.keys(id)).toEqual([]);
    expect(await listed()).toEqual([]);
  });

  it('streams a 20 MB file in and out holding about a part in memory, never the file', async () => {
    const gc = collector();
    const size = 20 * MiB + 54_321;
    const id = randomUUID();
    gc();
    const baseline = process.memoryUsage();
    let peak = 0;
    const sample = () => {
      gc();
      const now = process.memoryUsage();
      peak = Math.max(peak, now.heapUsed + now.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers);
    };
    const hash = createHash('sha256');
    const source = randomSource(size, 64 * 1024, (sent) => {
      if (sent % MiB === 0) sample();
    });
    const tee = (async function* () {
      for await (const piece of source) {
        hash.update(piece);
        yield piece;
      }
    })();
    const stored = await store.write(id, tee, 25 * MiB);
    const sha256 = hash.digest('hex');
    expect(stored).toEqual({ size, sha256 });
    // The part being filled or sent and the SDK's own buffers: a few MiB, where the file is over 20.
    expect(peak).toBeLessThan(6 * MiB);
    expect(await store.keys(id)).toHaveLength(21);

    peak = 0;
    const back = createHash('sha256');
    let read = 0;
    for await (const part of store.read(id) as AsyncIterable<Buffer>) {
      back.update(part);
      read += part.length;
      sample();
    }
    expect({ read, sha256: back.digest('hex') }).toEqual({ read: size, sha256 });
    // The part being read, the next fetched ahead, and the SDK's buffers.
    expect(peak).toBeLessThan(6 * MiB);
  }, 180_000); // a forced collection per MiB, through s3rver's disk: slow on a busy machine

  it('says at boot which setting is wrong when the bucket cannot be used', async () => {
    await expect(store.check()).resolves.toBeUndefined();
    const missing = new S3AttachmentStore({ ...s3.settings(), bucket: 'no-such-bucket' });
    const unreachable = new S3AttachmentStore({ ...s3.settings(), endpoint: 'http://127.0.0.1:9' });
    try {
      await expect(missing.check()).rejects.toThrow(AttachmentStoreUnusableError);
      await expect(missing.check()).rejects.toThrow(/S3_BUCKET "no-such-bucket" does not exist at S3_ENDPOINT/);
      await expect(unreachable.check()).rejects.toThrow(/could not be reached at S3_ENDPOINT http:\/\/127\.0\.0\.1:9/);
    } finally {
      missing.destroy();
      unreachable.destroy();
    }
    expect(PART_BYTES).toBe(MiB);
  });
});

/** The bytes in odd-sized pieces, ending normally. */
async function* failingAfterNothing(bytes: Buffer) {
  for (let at = 0; at < bytes.length; at += 70_001) yield bytes.subarray(at, at + 70_001);
}

/** Every file under `dir`, relative to it, without s3rver's own bookkeeping (metadata, checksums, uploads). */
async function readdirDeep(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('._S3rver_object'))
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .replace(/\._S3rver_object$/, ''),
    );
}
