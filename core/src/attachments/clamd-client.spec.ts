import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from '../../../test/utils/clamd.js';
import { ClamdClient, parseReply, ScannerUnavailableError } from './clamd-client.js';

async function* pieces(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part);
}

describe('clamd INSTREAM client, against a real clamd with a test signature database', () => {
  let clamd: TestClamd;
  beforeAll(async () => {
    clamd = await startClamd();
  });
  afterAll(async () => clamd?.dispose());

  it('answers PING on the unix socket and on TCP', async () => {
    expect(await new ClamdClient({ socket: clamd.socket }).ping()).toBe(true);
    expect(await new ClamdClient({ host: '127.0.0.1', port: clamd.port }).ping()).toBe(true);
  });

  it('finds EICAR, alone and inside a larger file sent in many chunks', async () => {
    const client = new ClamdClient({ socket: clamd.socket });
    expect(await client.scan(pieces(EICAR))).toEqual({ infected: true, signature: EICAR_SIGNATURE });
    const padding = Buffer.alloc(300 * 1024, 0x41);
    expect(await client.scan(pieces(padding, 'before ', EICAR, ' after', padding))).toEqual({
      infected: true,
      signature: EICAR_SIGNATURE,
    });
    const tcp = new ClamdClient({ host: '127.0.0.1', port: clamd.port });
    expect(await tcp.scan(pieces(EICAR))).toEqual({ infected: true, signature: EICAR_SIGNATURE });
  });

  it('passes a clean file, an empty one and one of a megabyte', async () => {
    const client = new ClamdClient({ socket: clamd.socket });
    expect(await client.scan(pieces('a photograph, honestly'))).toEqual({ infected: false });
    expect(await client.scan(pieces())).toEqual({ infected: false });
    expect(await client.scan(pieces(Buffer.alloc(1024 * 1024, 7)))).toEqual({ infected: false });
  });

  it('is unavailable, never clean, when clamd is stopped, and scans again once it is back', async () => {
    const client = new ClamdClient({ socket: clamd.socket }, 2000);
    await clamd.stop();
    try {
      expect(await client.ping()).toBe(false);
      await expect(client.scan(pieces(EICAR))).rejects.toBeInstanceOf(ScannerUnavailableError);
    } finally {
      await clamd.start();
    }
    expect(await client.scan(pieces(EICAR))).toEqual({ infected: true, signature: EICAR_SIGNATURE });
  });
});

describe('clamd replies and misbehaving servers', () => {
  const path = join(tmpdir(), `cop-fake-clamd-${process.pid}.sock`);
  const open = new Set<Socket>();
  let server: Server | undefined;
  const serve = async (onConnection: (socket: Socket) => void) => {
    server = createServer((socket) => {
      open.add(socket);
      onConnection(socket);
    });
    await new Promise<void>((resolve) => server!.listen(path, resolve));
  };
  afterEach(async () => {
    for (const socket of open) socket.destroy();
    open.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('reads OK, FOUND and ERROR replies', () => {
    expect(parseReply('stream: OK')).toEqual({ infected: false });
    expect(parseReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({
      infected: true,
      signature: 'Win.Test.EICAR_HDB-1',
    });
    expect(() => parseReply('INSTREAM size limit exceeded. ERROR')).toThrow(ScannerUnavailableError);
  });

  it('gives up on a server that never answers', async () => {
    await serve(() => undefined);
    const started = Date.now();
    await expect(new ClamdClient({ socket: path }, 300).scan(pieces('x'))).rejects.toThrow(
      /did not answer within 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on a server that hangs up without a verdict', async () => {
    await serve((socket) => socket.end());
    await expect(new ClamdClient({ socket: path }, 2000).scan(pieces('x'))).rejects.toBeInstanceOf(
      ScannerUnavailableError,
    );
  });
});
