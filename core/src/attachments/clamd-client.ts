import { connect, type Socket } from 'node:net';

/** Where clamd listens: a unix socket, or a TCP host and port. */
export type ClamdAddress = { socket: string } | { host: string; port: number };

/** What clamd said about a stream. */
export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** clamd could not be reached, did not answer in time, or answered with an error: the file was not scanned. */
export class ScannerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerUnavailableError';
  }
}

/** clamd's INSTREAM chunks are capped by its StreamMaxLength, not by this size. */
const CHUNK_BYTES = 64 * 1024;
const REPLY_LIMIT = 4096;

/**
 * A client for ClamAV's daemon speaking its INSTREAM protocol: `zINSTREAM\0`, then the file
 * as chunks each preceded by its length (4 bytes, network order), a zero length to end, and
 * one reply (`stream: OK`, `stream: <signature> FOUND`, or `… ERROR`), NUL-terminated.
 * One connection per scan; nothing is kept between scans.
 */
export class ClamdClient {
  constructor(
    readonly address: ClamdAddress,
    private readonly timeoutMs = 30_000,
  ) {}

  /** "unix socket /run/clamav/clamd.ctl" or "127.0.0.1:3310", for logs. */
  describe(): string {
    return 'socket' in this.address
      ? `unix socket ${this.address.socket}`
      : `${this.address.host}:${this.address.port}`;
  }

  /** Whether clamd answers PING with PONG. */
  async ping(): Promise<boolean> {
    try {
      return (await this.command('zPING\0', async () => undefined)) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Streams the bytes to clamd and returns its verdict; ScannerUnavailableError when there is none. */
  async scan(source: AsyncIterable<Uint8Array>): Promise<ScanVerdict> {
    const reply = await this.command('zINSTREAM\0', async (socket) => {
      for await (const piece of source) {
        for (let at = 0; at < piece.length; at += CHUNK_BYTES) {
          const chunk = piece.subarray(at, Math.min(at + CHUNK_BYTES, piece.length));
          const length = Buffer.alloc(4);
          length.writeUInt32BE(chunk.length);
          await write(socket, Buffer.concat([length, chunk]));
        }
      }
      await write(socket, Buffer.alloc(4));
    });
    return parseReply(reply);
  }

  /** Sends a command, lets `body` write what follows it, and resolves with the one reply. */
  private command(command: string, body: (socket: Socket) => Promise<void>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket =
        'socket' in this.address ? connect(this.address.socket) : connect(this.address.port, this.address.host);
      const received: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (error: Error | undefined, reply?: string) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        if (error) reject(error);
        else resolve(reply!);
      };
      socket.setTimeout(this.timeoutMs, () =>
        finish(new ScannerUnavailableError(`clamd at ${this.describe()} did not answer within ${this.timeoutMs} ms`)),
      );
      socket.on('error', (error) =>
        finish(new ScannerUnavailableError(`clamd at ${this.describe()}: ${error.message}`, { cause: error })),
      );
      socket.on('data', (data: Buffer) => {
        received.push(data);
        size += data.length;
        const all = Buffer.concat(received, size);
        const end = all.indexOf(0);
        if (end >= 0) finish(undefined, all.subarray(0, end).toString('utf8').trim());
        else if (size > REPLY_LIMIT) finish(new ScannerUnavailableError('clamd sent an answer too long to be one'));
      });
      socket.on('end', () => {
        // clamd may close without a NUL after an error (StreamMaxLength exceeded, say).
        const text = Buffer.concat(received, size).toString('utf8').trim();
        if (text) finish(undefined, text);
        else finish(new ScannerUnavailableError(`clamd at ${this.describe()} closed the connection without answering`));
      });
      socket.once('connect', () => {
        write(socket, Buffer.from(command, 'latin1'))
          .then(() => body(socket))
          .catch((error: unknown) => {
            // A connection clamd closed mid-stream still has its reply to read ("size limit exceeded").
            if (!(error instanceof Error) || !/EPIPE|ECONNRESET|destroyed/.test(error.message))
              finish(error instanceof Error ? error : new Error(String(error)));
          });
      });
    });
  }
}

/** `stream: OK` → clean; `stream: Eicar-Signature FOUND` → infected; anything else is no verdict. */
export function parseReply(reply: string): ScanVerdict {
  const text = reply.replace(/^\d+: /, '').replace(/^stream: /, '');
  if (text === 'OK') return { infected: false };
  const found = /^(.+) FOUND$/.exec(text);
  if (found) return { infected: true, signature: found[1]! };
  throw new ScannerUnavailableError(`clamd could not scan the file: ${text}`);
}

function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return reject(new Error('socket destroyed'));
    socket.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
