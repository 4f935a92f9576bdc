// `npm run cluster [-- --instances 3 --port 3000]`: the whole platform as it scales out, on this
// machine: the embedded PostgreSQL (the same data folder and secrets `npm start` uses), three
// core instances on ports 3001–3003, and HAProxy (Debian's package, installed if missing when
// run as root) in front on :3000, health-checking each on /health/ready and retrying a failed
// keyed submission on another instance. Ctrl+C stops everything. docs/operations.md, "Cluster".
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEVELOPMENT_CERBERUS_SECRET } from '../core/src/config/env.config.js';
import { loadConfig } from '../core/src/config/load-config.js';
import { embeddedSecret } from '../core/src/database/database.js';
import { startEmbeddedPostgres } from '../core/src/database/embedded-postgres.js';
import { haproxyConfig, startHaproxy } from './cluster/haproxy.js';
import { startInstance, waitForReady, type CoreInstance } from './cluster/instances.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    process.stderr.write(`--${name} must be a whole number (got ${process.argv[i + 1]})\n`);
    process.exit(2);
  }
  return value;
}

const count = option('instances', 3);
const port = option('port', 3000);
const log = (message: string) => process.stdout.write(`[cluster] ${message}\n`);

const built = spawnSync(process.execPath, ['scripts/build-changed.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const config = loadConfig();
log(`starting embedded PostgreSQL in ${config.EMBEDDED_PG_DIR} on port ${config.EMBEDDED_PG_PORT}`);
const database = await startEmbeddedPostgres({
  dataDir: resolve(root, config.EMBEDDED_PG_DIR),
  port: config.EMBEDDED_PG_PORT,
  persistent: true,
});
const env: Record<string, string> = {
  DATABASE_URL: database.url,
  AUTH_TOKEN_SECRET: (await embeddedSecret(config))!,
  AUDIT_SEAL_KEYS: (await embeddedSecret(config, 'audit-seal-key'))!,
  CERBERUS_SECRETS: process.env.CERBERUS_SECRETS ?? DEVELOPMENT_CERBERUS_SECRET,
  DEMO_DATA: process.env.DEMO_DATA ?? 'true',
  DEMO_CASES: 'false',
};

const instances: CoreInstance[] = [];
let stopping = false;
const output = (name: string, line: string) => {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    if ((entry.level ?? 30) >= 40 || entry.msg === 'core ready') process.stdout.write(`[${name}] ${line}\n`);
  } catch {
    process.stdout.write(`[${name}] ${line}\n`);
  }
};
const start = (i: number) => {
  const name = `core${i + 1}`;
  // The first instance submits the demo cases on an empty database; the others never do.
  const instance = startInstance({
    root,
    name,
    port: port + 1 + i,
    from: 'dist',
    env: { ...env, DEMO_CASES: i === 0 ? (process.env.DEMO_CASES ?? 'true') : 'false' },
    onOutput: output,
  });
  void instance.exited.then((code) => {
    if (!stopping) log(`${name} exited (${code}); HAProxy sends its requests to the others`);
  });
  instances[i] = instance;
  return instance;
};

// The first instance migrates and seeds; the others then start together.
await waitForReady(`http://127.0.0.1:${start(0).port}/health/ready`, 120_000);
for (let i = 1; i < count; i++) start(i);
await Promise.all(instances.map((p) => waitForReady(`http://127.0.0.1:${p.port}/health/ready`, 120_000)));

const dir = resolve(root, config.EMBEDDED_PG_DIR, '..', 'cluster');
mkdirSync(dir, { recursive: true });
const configFile = join(dir, 'haproxy.cfg');
writeFileSync(
  configFile,
  haproxyConfig({ port, statsPort: port + 404, servers: instances.map((p) => ({ name: p.name, port: p.port })) }),
);
const haproxy = startHaproxy(configFile, (line) => process.stdout.write(`[haproxy] ${line}\n`));
log(
  `HAProxy on http://127.0.0.1:${port} in front of ${instances.map((p) => `${p.name} :${p.port}`).join(', ')}; ` +
    `stats on http://127.0.0.1:${port + 404}/stats. Ctrl+C stops it all.`,
);

const stop = async () => {
  if (stopping) return;
  stopping = true;
  log('stopping');
  haproxy.kill('SIGTERM');
  for (const p of instances) p.process.kill('SIGTERM');
  await Promise.all(instances.map((p) => p.exited));
  await database.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
haproxy.once('exit', (code) => {
  if (!stopping) {
    log(`HAProxy exited (${code})`);
    void stop();
  }
});
