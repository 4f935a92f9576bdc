import { Readable, Writable } from 'node:stream';
import type { ReportRunsRepository } from './report-runs.repository.js';

const CHUNK_BYTES = 1024 * 1024;

/**
 * A Writable that stores a PDF in PostgreSQL as numbered chunks while it is rendered. Each
 * write is acknowledged once its chunk is stored, so a slow database slows the renderer
 * instead of filling memory.
 */
export class RunChunkWriter extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  /** Bytes stored so far. */
  bytes = 0;

  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly runId: string,
  ) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < CHUNK_BYTES) return done();
    this.flushPending().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flushPending().then(() => done(), done);
  }

  private async flushPending(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.runs.writeChunk(this.runId, this.seq++, data);
    this.bytes += data.length;
  }
}

/** Streams a stored PDF back, one chunk in memory at a time. */
export function readStoredPdf(runs: ReportRunsRepository, runId: string): Readable {
  return Readable.from(
    (async function* () {
      for (let seq = 0; ; seq++) {
        const chunk = await runs.readChunk(runId, seq);
        if (!chunk) return;
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
}
