import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PacedResult } from './paced.js';

/** What one autocannon run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon in its own process against a URL and returns its figures. */
export function autocannon(
  url: string,
  opts: {
    connections: number;
    seconds: number;
    rate?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  },
): LoadResult {
  const args = [
    'node_modules/autocannon/autocannon.js',
    '-j',
    '-c',
    String(opts.connections),
    '-d',
    String(opts.seconds),
  ];
  if (opts.rate) args.push('-R', String(opts.rate));
  if (opts.method) args.push('-m', opts.method);
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (opts.body) args.push('-b', opts.body);
  args.push(url);
  const run = spawnSync('node', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

/**
 * Open-loop load at a fixed rate (test/bench/paced.ts) in its own process: each request is due
 * at an even interval and its latency counts from when it was due.
 */
export function paced(
  url: string,
  opts: {
    rate: number;
    seconds: number;
    warmupSeconds?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  },
): PacedResult {
  const options = {
    url,
    rate: opts.rate,
    seconds: opts.seconds,
    warmupSeconds: opts.warmupSeconds ?? 2,
    method: opts.method ?? 'GET',
    headers: opts.headers ?? {},
    body: opts.body,
  };
  const run = spawnSync(
    'node',
    ['--import', '@swc-node/register/esm-register', 'test/bench/paced.ts', JSON.stringify(options)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`paced load failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PacedResult;
}

/** Peak resident memory of a process so far, in MiB (Linux VmHWM). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Starts a child process and waits until the URL answers 200. */
export async function startAndWait(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyUrl: string,
  timeoutMs = 30000,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    const ok = await fetch(readyUrl).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${readyUrl} did not answer within ${timeoutMs} ms`);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}
