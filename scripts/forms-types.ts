// `npm run forms:types`: writes each plugin form's answers type beside it
// (plugins/<id>/forms/<form>.answers.ts), generated from the form: the form is the declaration.
// `npm run forms:types -- --check` writes nothing and exits 1 naming each file that is missing,
// stale or left over: CI runs it so a plugin's types cannot drift from its forms.
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../core/src/forms/engine/index.js';
import { answersFile } from './forms-types/render.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pluginsDir = join(root, 'plugins');

async function expected(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const plugin of readdirSync(pluginsDir).sort()) {
    const forms = join(pluginsDir, plugin, 'forms');
    if (!existsSync(forms) || !statSync(forms).isDirectory()) continue;
    for (const file of readdirSync(forms)
      .filter((f) => f.endsWith('.form.json'))
      .sort()) {
      const form = JSON.parse(readFileSync(join(forms, file), 'utf8')) as FormDefinition;
      files.set(join(forms, `${basename(file, '.form.json')}.answers.ts`), await answersFile(root, file, form));
    }
  }
  return files;
}

/** Generated files whose form is gone. */
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
    process.stderr.write(`${relative(root, path)} has no form any more: run \`npm run forms:types\` and commit it\n`);
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
