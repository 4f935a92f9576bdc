// Compiles the core, the plugins, the shared report templates and the test fixture plugins into
// dist/ with swc (type-checking is `npm run typecheck`), then copies everything that is not
// TypeScript (form JSON, report templates, fonts) beside the compiled code, and records what it
// was built from (scripts/build-stamp.mjs), so `npm start` can skip it next time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { decide, STEPS, writeStamp } from './build-stamp.mjs';

const { hash } = decide('.', STEPS.server);
for (const dir of ['dist/core', 'dist/plugins', 'dist/reports', 'dist/test'])
  rmSync(dir, { recursive: true, force: true });
const sources = ['core', 'plugins', 'reports', 'test/fixtures'].filter((dir) => existsSync(dir));
const result = spawnSync(
  'npx',
  ['swc', ...sources, '-d', 'dist', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--quiet'],
  {
    stdio: 'inherit',
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
for (const dir of sources) {
  cpSync(dir, `dist/${dir}`, { recursive: true, filter: (source) => !source.endsWith('.ts') });
}
writeStamp('.', STEPS.server, hash);
