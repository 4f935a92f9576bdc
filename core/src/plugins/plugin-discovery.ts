import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { withFormDefaults } from '../forms/engine/form-defaults.js';

/** A folder that looked like a plugin, with whatever could be read from it. */
export interface DiscoveredPlugin {
  dir: string;
  /** The manifest as exported; unchecked. */
  manifest?: unknown;
  /** Form declarations from forms/*.form.json, with the defaults filled in (`withFormDefaults`); unchecked. */
  forms: { file: string; definition: unknown }[];
  /** Migration modules from migrations/, sorted by file name (timestamp prefix). */
  migrations: { name: string; module: Record<string, unknown> }[];
  /** Report templates from reports/*.report.hbs. */
  templates: { file: string; id: string; source: string }[];
  /** Why the folder could not be read as a plugin. */
  loadError?: string;
}

const CODE = /\.(ts|js)$/;
const NOT_CODE = /\.(spec|test|d)\.(ts|js)$/;

/**
 * Finds plugin folders: every direct subfolder of a root that holds `plugin.js` or `plugin.ts`.
 * Compiled output wins over source, so a built tree never needs a TypeScript loader.
 */
export async function discoverPlugins(roots: string[]): Promise<DiscoveredPlugin[]> {
  const found: DiscoveredPlugin[] = [];
  for (const root of roots.map((r) => resolve(r))) {
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = join(root, entry.name);
      const entryFile = (await firstExisting([join(dir, 'plugin.js'), join(dir, 'plugin.ts')])) ?? undefined;
      if (entryFile) found.push(await readPlugin(dir, entryFile));
    }
  }
  return found;
}

async function readPlugin(dir: string, entryFile: string): Promise<DiscoveredPlugin> {
  const plugin: DiscoveredPlugin = { dir, forms: [], migrations: [], templates: [] };
  try {
    const module = (await import(entryFile)) as Record<string, unknown>;
    plugin.manifest = module.default ?? module.plugin;
    if (plugin.manifest === undefined) throw new Error('plugin.ts must `export default definePlugin({...})`');
    plugin.forms = await readForms(join(dir, 'forms'));
    plugin.templates = await readTemplates(join(dir, 'reports'));
    plugin.migrations = await readMigrations(join(dir, 'migrations'));
  } catch (error: unknown) {
    plugin.loadError = loadErrorMessage(error);
  }
  return plugin;
}

/**
 * The core built into dist/ runs plain JavaScript and cannot import a `.ts` plugin: say how to
 * fix that instead of Node's "Unknown file extension".
 */
function loadErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') return message;
  return (
    `${message}: this core runs compiled JavaScript and cannot load TypeScript plugins. ` +
    'Compile the plugin with the core (npm run build:server compiles plugins/ and test/fixtures/ into dist/) ' +
    'and point PLUGIN_DIRS at the compiled folder (e.g. dist/test/fixtures/plugins), ' +
    'or run the core from source (npm run dev)'
  );
}

async function readForms(dir: string): Promise<DiscoveredPlugin['forms']> {
  const files = (await listFiles(dir)).filter((f) => f.endsWith('.form.json'));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      try {
        return { file, definition: withFormDefaults(JSON.parse(text)) };
      } catch (error: unknown) {
        throw new Error(`forms/${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}

async function readTemplates(dir: string): Promise<DiscoveredPlugin['templates']> {
  const files = (await listFiles(dir)).filter((f) => f.endsWith('.report.hbs'));
  return Promise.all(
    files.map(async (file) => ({
      file,
      id: basename(file, '.report.hbs'),
      source: await readFile(join(dir, file), 'utf8'),
    })),
  );
}

async function readMigrations(dir: string): Promise<DiscoveredPlugin['migrations']> {
  const files = (await listFiles(dir)).filter((f) => CODE.test(f) && !NOT_CODE.test(f));
  // With both compiled and source present (never in practice), keep one per name.
  const byName = new Map<string, string>();
  for (const file of files) {
    const name = file.replace(CODE, '');
    if (!byName.has(name) || file.endsWith('.js')) byName.set(name, file);
  }
  const names = [...byName.keys()].sort();
  const migrations: DiscoveredPlugin['migrations'] = [];
  for (const name of names) {
    migrations.push({ name, module: (await import(join(dir, byName.get(name)!))) as Record<string, unknown> });
  }
  return migrations;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    if (
      await stat(path).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return path;
  }
  return undefined;
}
