import type { Readable } from 'node:stream';
import { setImmediate as nextMacrotask, setTimeout as sleep } from 'node:timers/promises';

/** Bytes pdfkit may hold unsent before layout waits for the output to catch up. */
const HIGH_WATER = 1 << 20;

/**
 * Keeps memory flat while laying out. pdfkit pushes bytes into its readable side
 * without honouring backpressure, and a row source that never touches I/O would
 * starve the event loop so the pipe never flushes. `pace()` yields a macrotask and
 * then waits while more than 1 MiB sits unsent (a slow HTTP client), and fails
 * fast if the output errored or closed early.
 */
export class StreamPacer {
  private failure: Error | undefined;
  private done = false;

  constructor(
    private readonly doc: Readable,
    out: NodeJS.WritableStream,
  ) {
    out.on('error', (error: Error) => (this.failure ??= error));
    out.on('close', () => {
      if (!this.done) this.failure ??= new Error('the output stream closed before the report was complete');
    });
  }

  /** Lets buffered output drain; throws if the output failed. */
  async pace(): Promise<void> {
    await nextMacrotask();
    while (this.doc.readableLength > HIGH_WATER && !this.failure) await sleep(5);
    if (this.failure) throw this.failure;
  }

  /** Marks the document complete so a later `close` of the output is not a failure. */
  finish(): void {
    this.done = true;
  }
}
