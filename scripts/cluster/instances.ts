import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** One core process of a cluster. */
export interface CoreInstance {
  name: string;
  port: number;
  process: ChildProcess;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<number | string | null>;
}

export interface InstanceOptions {
  root: string;
  name: string;
  port: number;
  env: Record<string, string>;
  /** `dist`: the compiled core (npm start's); `source`: TypeScript through @swc-node (tests). */
  from: 'dist' | 'source';
  /** Arguments after the entry point (`--migrate` for the migration Job). */
  args?: string[];
  onOutput?: (name: string, line: string) => void;
}

/** Starts one core instance on `port`; its JSON log lines go to `onOutput`. */
export function startInstance(options: InstanceOptions): CoreInstance {
  const args =
    options.from === 'dist'
      ? ['--enable-source-maps', join(options.root, 'dist/core/src/main.js')]
      : ['--import', '@swc-node/register/esm-register', join(options.root, 'core/src/main.ts')];
  args.push(...(options.args ?? []));
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((line) => options.onOutput?.(options.name, line)),
    );
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { name: options.name, port: options.port, process: child, exited };
}

/** Waits until `url` answers 200, or throws after `timeoutMs`. */
export async function waitForReady(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
