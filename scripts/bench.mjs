// `npm run bench -- <name>`: runs test/bench/<name>.bench.ts. Each benchmark measures its own
// baseline in the same run, prints a summary line last and writes JSON to test/bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const name = process.argv[2];
const available = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
if (!name || !existsSync(`test/bench/${name}.bench.ts`)) {
  process.stderr.write(`Usage: npm run bench -- <name>   (one of: ${available.join(', ')})\n`);
  process.exit(2);
}
const result = spawnSync(
  'node',
  ['--import', '@swc-node/register/esm-register', `test/bench/${name}.bench.ts`, ...process.argv.slice(3)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
