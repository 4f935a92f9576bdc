import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the simulated Cerberus answers outcome deliveries. `down` drops every connection to
 * `/outcomes` without an answer, as an unreachable host would, while `/control` and `/received`
 * keep working so it can be brought back (`{"mode":"ok"}`).
 */
export type SimulatorMode = 'ok' | 'fail-5xx' | 'timeout' | 'slow' | 'down';
export const SIMULATOR_MODES: readonly SimulatorMode[] = ['ok', 'fail-5xx', 'timeout', 'slow', 'down'];

/** One outcome Cerberus received, by its Idempotency-Key. */
export interface ReceivedOutcome {
  key: string;
  payload: Record<string, unknown>;
  /** How many times it arrived (repeats are acknowledged and not processed again). */
  deliveries: number;
  signatureValid: boolean;
}

export interface SimulatorOptions {
  /** Shared secret for signing targets and checking outcome signatures. */
  secret: string;
  /** The core's base URL, for sending targets. */
  coreUrl?: string;
  /** Delay in `slow` mode. */
  slowMs?: number;
}

/**
 * Plays Cerberus for development and tests: sends signed target information sheets to the core
 * and receives the officers' outcomes, checking their signatures and counting repeats by
 * Idempotency-Key. It can be told to fail (5xx), hang (timeout), answer slowly, or go down.
 */
export class CerberusSimulator {
  mode: SimulatorMode = 'ok';
  readonly received = new Map<string, ReceivedOutcome>();
  /** Deliveries refused (bad signature) or failed on purpose. */
  rejected = 0;
  /** Deliveries dropped unanswered while `down`. */
  dropped = 0;
  private server?: Server;
  private port = 0;
  private readonly hanging = new Set<ServerResponse>();

  constructor(private readonly options: SimulatorOptions) {}

  get outcomeUrl(): string {
    return `http://127.0.0.1:${this.port}/outcomes`;
  }

  /**
   * Starts listening (port 0 picks one; after `stop()` it reuses the same port). The mode is left
   * as set, `down` included; starting a running simulator does nothing.
   */
  async start(port = this.port): Promise<void> {
    if (this.server) return;
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Shuts the server down (control included): the port refuses connections until `start()`. */
  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Outcomes go unanswered (connections dropped) until the mode changes; received outcomes are kept. */
  async goDown(): Promise<void> {
    this.setMode('down');
  }

  setMode(mode: SimulatorMode): void {
    if (mode !== 'timeout') {
      for (const res of this.hanging) res.destroy();
      this.hanging.clear();
    }
    this.mode = mode;
  }

  /** Outcomes processed (first deliveries only). */
  get processed(): number {
    return this.received.size;
  }

  /** Outcome deliveries held unanswered right now (`timeout` mode). */
  get waiting(): number {
    return this.hanging.size;
  }

  /** Deliveries that repeated an outcome already received. */
  get repeats(): number {
    let n = 0;
    for (const r of this.received.values()) n += r.deliveries - 1;
    return n;
  }

  /** Sends a target to the core, signed (override the secret or timestamp to test refusals). */
  async sendTarget(
    sheet: Record<string, unknown>,
    sign: { secret?: string; timestamp?: number; tamper?: boolean } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    if (!this.options.coreUrl) throw new Error('coreUrl is not set');
    const body = JSON.stringify(sheet);
    const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = signature256(sign.secret ?? this.options.secret, timestamp, body);
    const response = await fetch(`${this.options.coreUrl}/api/integrations/cerberus/targets`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-cerberus-timestamp': String(timestamp),
        'x-cerberus-signature': signature,
      },
      body: sign.tamper ? body.replace(/"category":"[ABCU]"/, '"category":"C"') : body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/received')
      return json(res, 200, {
        mode: this.mode,
        outcomes: [...this.received.values()],
        processed: this.processed,
        repeats: this.repeats,
        rejected: this.rejected,
        dropped: this.dropped,
      });
    if (req.method === 'POST' && req.url === '/control') {
      let mode: unknown;
      try {
        mode = (JSON.parse((await readBody(req)).toString() || '{}') as { mode?: unknown }).mode;
      } catch {
        return json(res, 400, { message: 'The body must be JSON like {"mode":"ok"}' });
      }
      if (mode !== undefined && !SIMULATOR_MODES.includes(mode as SimulatorMode))
        return json(res, 400, { message: `mode must be one of ${SIMULATOR_MODES.join(', ')}` });
      if (mode) this.setMode(mode as SimulatorMode);
      return json(res, 200, { mode: this.mode });
    }
    if (req.method !== 'POST' || req.url !== '/outcomes') return json(res, 404, { message: 'Not found' });
    if (this.mode === 'down') {
      // Like an unreachable host: no answer, the connection just goes away.
      this.dropped++;
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    if (this.mode === 'timeout') {
      this.hanging.add(res);
      res.once('close', () => this.hanging.delete(res)); // the sender gave up
      return;
    }
    if (this.mode === 'fail-5xx') {
      this.rejected++;
      return json(res, 503, { message: 'Cerberus is unavailable' });
    }
    if (this.mode === 'slow') await new Promise((r) => setTimeout(r, this.options.slowMs ?? 2000));
    const timestamp = Number(req.headers['x-cerberus-timestamp']);
    const given = String(req.headers['x-cerberus-signature'] ?? '');
    const expected = signature256(this.options.secret, timestamp, raw);
    const signatureValid =
      given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!signatureValid) {
      this.rejected++;
      return json(res, 401, { message: 'Bad signature' });
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    const earlier = this.received.get(key);
    if (earlier) earlier.deliveries++;
    else
      this.received.set(key, {
        key,
        payload: JSON.parse(raw.toString()) as Record<string, unknown>,
        deliveries: 1,
        signatureValid,
      });
    json(res, earlier ? 200 : 201, { received: key, repeat: Boolean(earlier) });
  }
}

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>`, written here from the contract, not shared with the core. */
export function signature256(secret: string, timestamp: number, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
