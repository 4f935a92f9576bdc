// Boot benchmark: process start → /health/ready of the built core with N synthetic plugins,
// against the same core with 0 plugins in the same run. The database server is started
// beforehand (its start is excluded); each N gets a fresh database, one warm-up boot
// (installs the plugins) and then measured restarts.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { benchPostgres, createDatabase, dropDatabase, median, report } from './bench-utils.js';

const COUNTS = [1, 15, 50];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SDK = resolve('dist/core/src/sdk/index.js');

async function main(): Promise<void> {
  if (!existsSync(SDK)) {
    process.stdout.write('building the core (npm run build:server)…\n');
    spawnSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
  }
  const server = await benchPostgres('boot');
  const { work, adminUrl } = server;
  try {
    const baseline = await measure(adminUrl, work, 0);
    const rows = [{ plugins: 0, medianMs: baseline.median, runs: baseline.runs }];
    for (const count of COUNTS) {
      const result = await measure(adminUrl, work, count);
      rows.push({ plugins: count, medianMs: result.median, runs: result.runs });
      process.stdout.write(
        `  ${count} plugins: ${result.median.toFixed(0)} ms median (${(result.median / baseline.median).toFixed(2)}x baseline)\n`,
      );
    }
    const fifteen = rows.find((r) => r.plugins === 15)!;
    await report(
      'boot',
      `boot: ${fifteen.medianMs.toFixed(0)} ms with 15 plugins (${(fifteen.medianMs / baseline.median).toFixed(2)}x baseline of ${baseline.median.toFixed(0)} ms with 0 plugins)`,
      { measuredAt: new Date().toISOString(), runsPerCount: RUNS, rows },
    );
  } finally {
    await server.close();
  }
}

async function measure(adminUrl: string, work: string, count: number): Promise<{ median: number; runs: number[] }> {
  const pluginDir = join(work, `plugins-${count}`);
  await writePlugins(pluginDir, count);
  const database = await createDatabase(adminUrl, `cop_bench_boot_${count}_${randomBytes(3).toString('hex')}`);
  const runs: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const ms = await bootOnce(database, pluginDir);
    if (i > 0) runs.push(ms); // the first boot installs; restarts are measured
  }
  await dropDatabase(adminUrl, database);
  return { median: median(runs), runs };
}

async function bootOnce(databaseUrl: string, pluginDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('node', ['dist/core/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PLUGINS_BUNDLED: 'false',
      PLUGIN_DIRS: pluginDir,
      AUTH_TOKEN_SECRET: 'b'.repeat(40),
      AUDIT_SEAL_KEYS: 's'.repeat(40),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let attempt = 0; attempt < 600; attempt++) {
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('core did not become ready within 6 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function writePlugins(dir: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = `bench-plugin-${i}`;
    const schema = `plugin_bench_plugin_${i}`;
    await mkdir(join(dir, id, 'forms'), { recursive: true });
    await mkdir(join(dir, id, 'migrations'), { recursive: true });
    await writeFile(
      join(dir, id, 'plugin.js'),
      `import { definePlugin } from ${JSON.stringify(SDK)};
export default definePlugin({ id: '${id}', title: 'Bench ${i}', version: '1.0.0', description: 'Synthetic', sdk: '^1.0.0',
  workflow: { initial: 'open', states: [{ id: 'open', label: 'Open' }, { id: 'closed', label: 'Closed', terminal: true }],
    actions: [{ id: 'close', label: 'Close', from: ['open'], to: 'closed', roles: ['officer'] }] } });
`,
    );
    await writeFile(
      join(dir, id, 'migrations', '1700000000000-create.js'),
      `export class Create { async up(q) { await q.query('CREATE TABLE ${schema}.record (id serial PRIMARY KEY, note text)'); } async down(q) { await q.query('DROP TABLE ${schema}.record'); } }\n`,
    );
    await writeFile(
      join(dir, id, 'forms', `${id}.form.json`),
      JSON.stringify({
        id,
        version: 1,
        title: `Bench ${i}`,
        type: 'single',
        pages: [
          { id: 'p', title: 'Page', components: [{ name: 'note', type: 'text', label: 'Note', required: true }] },
        ],
      }),
    );
  }
}

await main();
