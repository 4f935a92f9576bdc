// `npm start`: builds the server and the shell only where a file they are built from changed
// since their last build (scripts/build-stamp.mjs), so a restart after a core or plugin change
// does not wait for the shell. `npm run build` always builds both.
import { spawnSync } from 'node:child_process';
import { decide, skipMessage, STEPS } from './build-stamp.mjs';

const SCRIPTS = { server: 'scripts/build-server.mjs', shell: 'scripts/build-shell.mjs' };

for (const step of [STEPS.server, STEPS.shell]) {
  const { rebuild, reason } = decide('.', step);
  if (!rebuild) {
    process.stdout.write(`${skipMessage(step)}\n`);
    continue;
  }
  process.stdout.write(`building the ${step.name} (${reason})\n`);
  const result = spawnSync(process.execPath, [SCRIPTS[step.name]], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
