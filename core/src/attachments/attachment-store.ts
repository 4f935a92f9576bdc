import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';

/** 1 MiB per row: large enough to keep round trips few, small enough to keep memory flat. */
const CHUNK_BYTES = 1024 * 1024;

/** What writing a file's bytes came to. */
export interface StoredBytes {
  size: number;
  sha256: string;
}

/**
 * Where attachment bytes live: PostgreSQL by default (every instance shares it and the two-command
 * set-up needs nothing else), or an S3-compatible bucket (s3-attachment-store.ts), as
 * ATTACHMENT_STORE says. The rows, scan state and thumbnails are in PostgreSQL either way.
 */
export interface AttachmentStore {
  /** Which store, and where, for the boot log (never a credential). */
  describe(): string;
  /** Checks at boot that the store can be used; throws saying which setting is wrong. */
  check(): Promise<void>;
  /**
   * Stores the bytes as they arrive, at most `maxBytes` (else FileTooLargeError). A write that
   * fails may leave bytes behind only where `remove`, or the removal of the row, takes them.
   */
  write(id: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBytes>;
  /** Streams the bytes back (nothing for a file with none). */
  read(id: string): Readable;
  /** Removes the bytes; removing what is not there is not an error. */
  remove(id: string): Promise<void>;
}

/** The injection token of the configured store (attachments.wiring.ts). */
export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');

/** A file's bytes were more than the field allows. */
export class FileTooLargeError extends Error {
  constructor() {
    super('file too large');
    this.name = 'FileTooLargeError';
  }
}

/**
 * Attachment bytes as numbered 1 MiB chunks in core.attachment_chunk, written one chunk at a
 * time as the upload arrives and read back one chunk at a time, so a 20 MB file never sits in
 * memory whole (the report PDFs' chunked store, core/src/reports/report-store.ts, works alike).
 * The chunks reference their row (ON DELETE CASCADE), so a failed write's go with its row.
 */
@Injectable()
export class PostgresAttachmentStore implements AttachmentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  describe(): string {
    return 'postgres: core.attachment_chunk';
  }

  /** The database is checked by the core's own start. */
  async check(): Promise<void> {}

  write(id: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBytes> {
    return writeInParts(source, maxBytes, CHUNK_BYTES, async (seq, data) => {
      await this.dataSource.query('INSERT INTO core.attachment_chunk (attachment_id, seq, data) VALUES ($1, $2, $3)', [
        id,
        seq,
        data,
      ]);
    });
  }

  read(id: string): Readable {
    const dataSource = this.dataSource;
    return Readable.from(
      (async function* () {
        for (let seq = 0; ; seq++) {
          const rows = (await dataSource.query(
            'SELECT data FROM core.attachment_chunk WHERE attachment_id = $1 AND seq = $2',
            [id, seq],
          )) as { data: Buffer }[];
          if (!rows[0]) return;
          yield rows[0].data;
        }
      })(),
      { objectMode: false },
    );
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM core.attachment_chunk WHERE attachment_id = $1', [id]);
  }
}

/**
 * Cuts a stream into parts of `partBytes` (the last one shorter) and hands each to `writePart`
 * in order as soon as it is full, so at most one part is held; counts and hashes the bytes on the
 * way and stops with FileTooLargeError as soon as they pass `maxBytes`. What was written before a
 * failure is for the caller to remove.
 */
export async function writeInParts(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
  partBytes: number,
  writePart: (seq: number, data: Buffer) => Promise<void>,
): Promise<StoredBytes> {
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await writePart(seq++, data);
  };
  for await (const piece of source) {
    size += piece.length;
    if (size > maxBytes) throw new FileTooLargeError();
    hash.update(piece);
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.length));
    pendingBytes += piece.length;
    if (pendingBytes >= partBytes) await flush();
  }
  await flush();
  return { size, sha256: hash.digest('hex') };
}
