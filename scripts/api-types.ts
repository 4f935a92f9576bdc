// `npm run api:types`: writes the core's OpenAPI document (docs/openapi.json) and the shell's
// types generated from it (frontend/src/app/core/api/api-types.ts).
// `npm run api:types -- --check` writes nothing and exits 1 naming each file that differs from
// what the code produces: CI runs it so the shell's types cannot drift from the server.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCoreDocument } from './api-types/document.js';
import { renderApiFiles } from './api-types/render.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const paths = {
  root,
  document: join(root, 'docs', 'openapi.json'),
  types: join(root, 'frontend', 'src', 'app', 'core', 'api', 'api-types.ts'),
};

async function main(check: boolean): Promise<number> {
  const files = await renderApiFiles(await buildCoreDocument(), paths);
  const stale = files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content);
  if (!check) {
    for (const file of stale) writeFileSync(file.path, file.content);
    process.stdout.write(
      stale.length ? stale.map((f) => `wrote ${relative(root, f.path)}\n`).join('') : 'API types up to date\n',
    );
    return 0;
  }
  for (const file of stale)
    process.stderr.write(
      `${relative(root, file.path)} differs from what the code produces: run \`npm run api:types\` and commit it\n`,
    );
  if (stale.length === 0) process.stdout.write('API types up to date\n');
  return stale.length ? 1 : 0;
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--check');
if (unknown.length) {
  process.stderr.write(`usage: npm run api:types [-- --check]; unknown: ${unknown.join(' ')}\n`);
  process.exit(2);
}
process.exitCode = await main(args.includes('--check'));
