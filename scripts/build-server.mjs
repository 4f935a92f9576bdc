// Compiles the core, the plugins, the shared report templates and the test fixture plugins
// into dist/ with swc (type-checking is `npm run typecheck`), copying JSON forms, templates and fonts.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

for (const dir of ['dist/core', 'dist/plugins', 'dist/reports', 'dist/test']) rmSync(dir, { recursive: true, force: true });
const sources = ['core', 'plugins', 'reports', 'test/fixtures'].filter((dir) => existsSync(dir));
const result = spawnSync(
  'npx',
  ['swc', ...sources, '-d', 'dist', '--copy-files', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--quiet'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
