// `npm run plugin:new -- <id> [--dir <folder>]`: scaffolds a working plugin under plugins/<id>/
// (or <folder>/<id>/) that loads, migrates and passes its own spec without edits.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pluginTemplates } from './plugin-templates.js';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED = new Set(['status', 'core', 'admin', 'api']);
const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED = join(PROJECT, 'plugins');
const USAGE =
  'Usage: npm run plugin:new -- <id> [--dir <folder>]\n' +
  '  <id>            kebab-case, at most 40 characters, e.g. seized-vehicle-log\n' +
  '  --dir <folder>  plugins folder to write into (default plugins/); must be inside the project.\n' +
  '                  Start the core with PLUGIN_DIRS=<folder> to load plugins from it.\n';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** `<id>`, `--dir <folder>` or `--dir=<folder>`, in any order. */
function parseArgs(args: string[]): { id: string; dir: string } {
  let id: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg === '--dir') {
      dir = args[++i];
      if (!dir) fail(`--dir needs a folder\n${USAGE}`);
    } else if (arg.startsWith('--dir=')) dir = arg.slice('--dir='.length);
    else if (arg.startsWith('-')) fail(`Unknown option ${arg}\n${USAGE}`);
    else if (id === undefined) id = arg;
    else fail(`Only one plugin id, please (got "${id}" and "${arg}")\n${USAGE}`);
  }
  if (!id || !ID.test(id) || id.length > 40) fail(USAGE);
  if (RESERVED.has(id)) fail(`"${id}" is reserved for the core's own routes; choose another id`);
  // npm runs scripts from the project root; a relative --dir is taken from where npm was run.
  const from = process.env.INIT_CWD ?? process.cwd();
  return { id, dir: dir ? resolve(from, dir) : BUNDLED };
}

async function main(): Promise<void> {
  const { id, dir } = parseArgs(process.argv.slice(2));
  const target = join(dir, id);
  const fromProject = relative(PROJECT, target);
  // The plugin imports the core SDK by relative path and `typeorm` from the project's
  // node_modules, so it must live inside the project.
  if (fromProject.startsWith('..') || isAbsolute(fromProject)) {
    fail(`${dir} is outside the project (${PROJECT}): a plugin must live inside it to import the core SDK`);
  }
  if (existsSync(target)) fail(`${relative(PROJECT, target)} already exists; choose another id`);
  const projectRoot = relative(target, PROJECT).split(sep).join('/');
  const outsideBundled = resolve(dir) !== BUNDLED;
  const files = pluginTemplates(id, Date.now(), { projectRoot, outsideBundled });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(target, path)), { recursive: true });
    await writeFile(join(target, path), content);
  }
  const shown = fromProject.split(sep).join('/');
  const folder = relative(PROJECT, dir).split(sep).join('/');
  const next = outsideBundled
    ? `\nNext: npm test -- --testMatch '<rootDir>/${shown}/*.spec.ts'\n` +
      `      then start the core with PLUGIN_DIRS=${folder} (npm run dev) to see it in /api/plugins.\n`
    : `\nNext: npm test -- ${shown}   then restart the core (npm start) to see it in /api/plugins.\n`;
  process.stdout.write(
    `Created ${shown}/ with ${Object.keys(files).length} files:\n` +
      Object.keys(files)
        .map((f) => `  ${f}\n`)
        .join('') +
      next,
  );
}

await main();
