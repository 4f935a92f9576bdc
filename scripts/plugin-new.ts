// `npm run plugin:new -- <id>`: scaffolds a working plugin under plugins/<id>/ that loads,
// migrates and passes its own spec without edits.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pluginTemplates } from './plugin-templates.js';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

async function main(): Promise<void> {
  const id = process.argv[2];
  if (!id || !ID.test(id) || id.length > 40) {
    process.stderr.write('Usage: npm run plugin:new -- <id>   (kebab-case, e.g. seized-vehicle-log)\n');
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'plugins', id);
  if (existsSync(root)) {
    process.stderr.write(`plugins/${id} already exists; choose another id\n`);
    process.exit(2);
  }
  const files = pluginTemplates(id, Date.now());
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  process.stdout.write(
    `Created plugins/${id}/ with ${Object.keys(files).length} files:\n` +
      Object.keys(files)
        .map((f) => `  ${f}\n`)
        .join('') +
      `\nNext: npm test -- plugins/${id}   then restart the core (npm start) to see it in /api/plugins.\n`,
  );
}

await main();
