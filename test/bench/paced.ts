// Open-loop load at a fixed rate, for "p99 at N requests/s". Run in its own process by
// `paced()` in load.ts; prints one JSON result on stdout.
//
// Why not `autocannon -R`: autocannon keeps a per-connection quota per second and sends it back
// to back as soon as the second starts, then idles; so "500/s over 16 connections" is 16
// requests in flight for most of each second (a closed-loop burst at the server's full
// throughput), and its coordinated-omission correction uses a 1 ms interval whatever the rate.
// Here request i is due at start + i / rate, it is sent on the first timer tick at or after that
// (over a keep-alive pool that opens more connections when all are busy, so a slow answer never
// holds back the next send) and its latency is counted from when it was due, not when it was
// sent: any lag of the generator itself counts against the server, never for it.
import http from 'node:http';
import { percentile } from './bench-utils.js';

interface Options {
  url: string;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  rate: number;
  /** Wall-clock time the measured run started (to line it up with server logs). */
  startedAt: string;
  requestsPerSecond: number;
  total: number;
  errors: number;
  non2xx: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Largest lag of a send behind its due time: the generator's own timer lag, counted in the latencies. */
  maxSendLagMs: number;
  connectionsUsed: number;
  /** The 20 slowest requests: when each was due (ms into the measured run) and its latency, to see whether the tail is periodic. */
  slowest: { atMs: number; latencyMs: number }[];
  /** p99 and max latency of each second of the measured run. */
  perSecond: { p99: number; max: number }[];
}

async function run(options: Options): Promise<PacedResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers = { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const interval = 1000 / options.rate;
  const warmupCount = Math.round(options.warmupSeconds * options.rate);
  const count = warmupCount + Math.round(options.seconds * options.rate);
  const latencies: number[] = [];
  const samples: { due: number; latency: number }[] = [];
  let errors = 0;
  let non2xx = 0;
  let maxSendLagMs = 0;
  let pending = 0;
  const sockets = new Set<unknown>();

  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      pending++;
      const done = (ok: boolean, status?: number) => {
        pending--;
        if (i >= warmupCount) {
          if (!ok) errors++;
          else if (status! < 200 || status! >= 300) non2xx++;
          else {
            const latency = performance.now() - due;
            latencies.push(latency);
            samples.push({ due, latency });
          }
        }
        resolve();
      };
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: options.method,
          headers,
        },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => done(true, response.statusCode));
          response.on('error', () => done(false));
        },
      );
      request.on('socket', (socket) => sockets.add(socket));
      request.on('error', () => done(false));
      request.end(body);
    });

  const start = performance.now() + 20;
  let next = 0;
  let measuredStart = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < count && start + next * interval <= now) {
        const due = start + next * interval;
        if (next === warmupCount) measuredStart = due;
        if (next >= warmupCount) maxSendLagMs = Math.max(maxSendLagMs, now - due);
        void send(next, due);
        next++;
      }
      if (next < count) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  while (pending > 0) await new Promise((r) => setTimeout(r, 5));
  const elapsedSeconds = (performance.now() - measuredStart) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    rate: options.rate,
    startedAt: new Date(Date.now() - (performance.now() - measuredStart)).toISOString(),
    requestsPerSecond: latencies.length / elapsedSeconds,
    total: latencies.length,
    errors,
    non2xx,
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
    maxSendLagMs: round(maxSendLagMs),
    connectionsUsed: sockets.size,
    perSecond: secondsOf(samples, measuredStart).map((second) => {
      second.sort((a, b) => a - b);
      return { p99: round(percentile(second, 99)), max: round(second[second.length - 1] ?? NaN) };
    }),
    slowest: samples
      .sort((a, b) => b.latency - a.latency)
      .slice(0, 20)
      .map((s) => ({ atMs: Math.round(s.due - measuredStart), latencyMs: round(s.latency) })),
  };
}

function secondsOf(samples: { due: number; latency: number }[], start: number): number[][] {
  const seconds: number[][] = [];
  for (const { due, latency } of samples) (seconds[Math.floor((due - start) / 1000)] ??= []).push(latency);
  return Array.from(seconds, (second) => second ?? []);
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
process.stdout.write(`${JSON.stringify(await run(options))}\n`);
