import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { EnvConfig } from '../config/env.config.js';
import { writeInParts, type AttachmentStore, type StoredBytes } from './attachment-store.js';

/** 1 MiB per object: what one upload holds in memory while it is sent, as in the PostgreSQL store. */
export const PART_BYTES = 1024 * 1024;
/** Keys a DeleteObjects request may name. */
const DELETE_BATCH = 1000;

/** Where the S3 store keeps files, from the S3_ settings. */
export interface S3StoreSettings {
  bucket: string;
  region: string;
  /** `<prefix><attachment id>/<part>`; empty or ending with "/". */
  prefix: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The S3 store's settings from the validated configuration (loadConfig checked they are there). */
export function s3StoreSettings(config: EnvConfig): S3StoreSettings {
  return {
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION!,
    prefix: config.S3_PREFIX ?? '',
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}

/** The bucket cannot be used: what is wrong, naming the settings to look at. */
export class AttachmentStoreUnusableError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'AttachmentStoreUnusableError';
  }
}

/**
 * Attachment bytes in an S3-compatible bucket, one object per 1 MiB part of a file:
 * `<prefix><attachment id>/000000`, `/000001`, … (docs/operations.md, "Attachments", says why
 * this and not one multipart object per file). A part is sent once it is full, so an upload holds
 * one part in memory whatever its size; the SHA-256 and the size cap are taken on the way, and a
 * write that fails (too large, the source broken, the bucket erroring) deletes the parts it wrote.
 * Reads fetch the parts in order, the next while the current one is sent.
 */
export class S3AttachmentStore implements AttachmentStore {
  private readonly client: S3Client;

  /** `client`: one made from the settings unless given (a spec passes one to watch its requests). */
  constructor(
    private readonly settings: S3StoreSettings,
    client?: S3Client,
  ) {
    this.client = client ?? S3AttachmentStore.clientFor(settings);
  }

  /** An S3 client for the settings. */
  static clientFor(settings: S3StoreSettings): S3Client {
    return new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      maxAttempts: 3,
      // A bucket that stops answering fails the request (and the upload) instead of holding it.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  describe(): string {
    const where = this.settings.endpoint ?? `AWS ${this.settings.region}`;
    return `s3: bucket "${this.settings.bucket}" at ${where}${this.settings.prefix ? `, prefix "${this.settings.prefix}"` : ''}`;
  }

  /** Whether the bucket answers to these credentials; throws AttachmentStoreUnusableError saying which setting to look at. */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
    } catch (error: unknown) {
      throw new AttachmentStoreUnusableError(this.explain(error));
    }
  }

  async write(id: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBytes> {
    let parts = 0;
    try {
      return await writeInParts(source, maxBytes, PART_BYTES, async (seq, body) => {
        // Counted before the request: a part the bucket may have kept despite an error is cleaned up too.
        parts = seq + 1;
        await this.client.send(
          new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.key(id, seq), Body: body }),
        );
      });
    } catch (error: unknown) {
      await this.deleteKeys(Array.from({ length: parts }, (_, seq) => this.key(id, seq))).catch(() => {
        // The row goes with the failed upload, and a removed row's bytes are removed again later
        // (core.attachment_bytes_gone), so a bucket that also fails this delete leaves nothing for good.
      });
      throw error;
    }
  }

  read(id: string): Readable {
    const fetchPart = (seq: number) => this.part(id, seq);
    return Readable.from(
      (async function* () {
        let next = fetchPart(0);
        for (let seq = 0; ; seq++) {
          const part = await next;
          if (!part) return;
          next = fetchPart(seq + 1);
          // A reader that stops early leaves the fetch ahead unawaited: its failure is of no interest then.
          next.catch(() => undefined);
          yield part;
        }
      })(),
      { objectMode: false },
    );
  }

  async remove(id: string): Promise<void> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.settings.bucket,
          Prefix: `${this.settings.prefix}${id}/`,
          ContinuationToken: token,
        }),
      );
      await this.deleteKeys((page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** The object keys of a file's parts, in order (for tests and operators: what the bucket holds). */
  async keys(id: string): Promise<string[]> {
    const page = await this.client.send(
      new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: `${this.settings.prefix}${id}/` }),
    );
    return (page.Contents ?? []).map((o) => o.Key!).sort();
  }

  destroy(): void {
    this.client.destroy();
  }

  private key(id: string, seq: number): string {
    return `${this.settings.prefix}${id}/${String(seq).padStart(6, '0')}`;
  }

  /** One part's bytes, or undefined past the last one. */
  private async part(id: string, seq: number): Promise<Buffer | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(id, seq) }),
      );
      const bytes = await object.Body!.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error: unknown) {
      if (error instanceof S3ServiceException && error.name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const result = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.settings.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = result.Errors ?? [];
      if (failed.length > 0)
        throw new Error(`the bucket kept ${failed.length} part(s): ${failed[0]!.Key} (${failed[0]!.Code ?? 'error'})`);
    }
  }

  /** What a failed HeadBucket means, in terms of the settings. */
  private explain(error: unknown): string {
    const { bucket, endpoint, region } = this.settings;
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const where = endpoint ? `S3_ENDPOINT ${endpoint}` : `AWS S3 in S3_REGION ${region}`;
    if (status === 404) return `S3_BUCKET "${bucket}" does not exist at ${where} (the core does not create it)`;
    if (status === 403)
      return `S3_BUCKET "${bucket}" at ${where} refused these credentials (S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY, or the default credentials): they need s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject`;
    if (status === 301 || status === 400)
      return `S3_BUCKET "${bucket}" is not in S3_REGION ${region}, or S3_FORCE_PATH_STYLE is wrong for ${where} (HTTP ${status})`;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `S3_BUCKET "${bucket}" could not be reached at ${where}${status ? ` (HTTP ${status})` : ''}: ${message}`;
  }
}
