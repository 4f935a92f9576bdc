// `npm run forms:types`: writes the answers type of each plugin form that code uses
// (plugins/<id>/forms/<form>.answers.ts), generated from the form: the form is the declaration.
// A type is generated on demand: when a file under plugins/, reports/ or test/ imports
// `…/forms/<form>.answers.js`. A form nothing reads through a type gets no file, so a plugin
// carries no generated code it does not use.
// `npm run forms:types -- --check` writes nothing and exits 1 naming each file that is missing,
// stale or left over: CI runs it so a plugin's types cannot drift from its forms.
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FormDefinition } from '../core/src/forms/engine/index.js';
import { registerPluginTerms } from '../core/src/terms/term-dictionary.js';
import { answersFile } from './forms-types/render.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pluginsDir = join(root, 'plugins');

const IMPORT = /(?:from\s+|import\s*\(\s*)['"]([^'"]+\.answers\.js)['"]/g;

/** TypeScript files under `dir`, generated answers files and node_modules aside. */
function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.answers.ts') ? [path] : [];
  });
}

/** The answers files some code imports, as absolute `.answers.ts` paths. */
function imported(): Set<string> {
  const wanted = new Set<string>();
  for (const file of ['plugins', 'reports', 'test'].flatMap((d) => sources(join(root, d)))) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) wanted.add(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
    }
  }
  return wanted;
}

/** Registers the terms every bundled plugin declares, as the core does before compiling forms. */
async function registerTerms(): Promise<void> {
  for (const plugin of readdirSync(pluginsDir).sort()) {
    const manifest = join(pluginsDir, plugin, 'plugin.ts');
    if (!existsSync(manifest) || !/\bterms\s*:/.test(readFileSync(manifest, 'utf8'))) continue;
    const { default: m } = (await import(pathToFileURL(manifest).href)) as { default: { id: string; terms?: unknown } };
    const problems = registerPluginTerms(m.id, m.terms);
    if (problems.length) throw new Error(`plugins/${plugin}: ${problems.join('; ')}`);
  }
}

async function expected(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await registerTerms();
  const wanted = imported();
  for (const plugin of readdirSync(pluginsDir).sort()) {
    const forms = join(pluginsDir, plugin, 'forms');
    if (!existsSync(forms) || !statSync(forms).isDirectory()) continue;
    for (const file of readdirSync(forms)
      .filter((f) => f.endsWith('.form.json'))
      .sort()) {
      const path = join(forms, `${basename(file, '.form.json')}.answers.ts`);
      if (!wanted.has(path)) continue;
      const form = JSON.parse(readFileSync(join(forms, file), 'utf8')) as FormDefinition;
      files.set(path, await answersFile(root, file, form));
    }
  }
  return files;
}

/** Generated files whose form is gone or that nothing imports any more. */
function leftOver(files: Map<string, string>): string[] {
  return readdirSync(pluginsDir).flatMap((plugin) => {
    const forms = join(pluginsDir, plugin, 'forms');
    if (!existsSync(forms) || !statSync(forms).isDirectory()) return [];
    return readdirSync(forms)
      .filter((f) => f.endsWith('.answers.ts'))
      .map((f) => join(forms, f))
      .filter((path) => !files.has(path));
  });
}

async function main(check: boolean): Promise<number> {
  const files = await expected();
  const stale = [...files].filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content);
  const orphans = leftOver(files);
  if (!check) {
    for (const [path, content] of stale) writeFileSync(path, content);
    for (const path of orphans) unlinkSync(path);
    const changed = [
      ...stale.map(([p]) => `wrote ${relative(root, p)}`),
      ...orphans.map((p) => `removed ${relative(root, p)}`),
    ];
    process.stdout.write(changed.length ? `${changed.join('\n')}\n` : 'form answer types up to date\n');
    return 0;
  }
  for (const [path] of stale)
    process.stderr.write(`${relative(root, path)} differs from its form: run \`npm run forms:types\` and commit it\n`);
  for (const path of orphans)
    process.stderr.write(
      `${relative(root, path)} has no form, or nothing imports it, any more: run \`npm run forms:types\` and commit it\n`,
    );
  if (stale.length + orphans.length === 0) process.stdout.write('form answer types up to date\n');
  return stale.length + orphans.length ? 1 : 0;
}

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--check');
if (unknown.length) {
  process.stderr.write(`usage: npm run forms:types [-- --check]; unknown: ${unknown.join(' ')}\n`);
  process.exit(2);
}
process.exitCode = await main(args.includes('--check'));
