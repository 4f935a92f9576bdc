// `npm run build:shell`: the production shell (ng build) into dist/shell/browser, compressed
// (scripts/compress-shell.mjs), then a record of what it was built from (scripts/build-stamp.mjs),
// so `npm start` skips it until a file it is built from changes.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { decide, STEPS, writeStamp } from './build-stamp.mjs';

const { hash } = decide('.', STEPS.shell);
// A build that fails half-way must not leave the last good build's record beside its output.
rmSync(STEPS.shell.stamp, { force: true });
for (const [command, args] of [
  ['npx', ['ng', 'build']],
  [process.execPath, ['scripts/compress-shell.mjs']],
]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
writeStamp('.', STEPS.shell, hash);
