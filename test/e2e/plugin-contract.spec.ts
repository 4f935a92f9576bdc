import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd();

/** Every .ts file under `dir`, specs left out unless asked for. */
function sources(dir: string, withSpecs = false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path, withSpecs);
    return path.endsWith('.ts') && (withSpecs || !path.endsWith('.spec.ts')) ? [path] : [];
  });
}

const plugins = readdirSync(join(ROOT, 'plugins')).filter((d) => statSync(join(ROOT, 'plugins', d)).isDirectory());
const offending = (files: string[], pattern: RegExp) =>
  files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
      .filter(({ line }) => pattern.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`),
  );

/**
 * The plugin contract's boundary, checked on the code: plugins read only what the core publishes
 * (never `core.` tables), read answers without casting them to a hand-written shape, and the
 * core names no plugin.
 */
describe('the plugin contract holds in the code', () => {
  it('finds the fifteen workflows', () => {
    expect(plugins).toHaveLength(15);
  });

  // The workflows' code and the cross-workflow reports in reports/ (which read the workflows' read models).
  const pluginCode = () => [
    ...plugins.flatMap((p) => sources(join(ROOT, 'plugins', p))),
    ...sources(join(ROOT, 'reports')),
  ];

  it('no plugin or cross-workflow report reads a core table in SQL', () => {
    expect(offending(pluginCode(), /\bcore\.[a-z_]+\b/)).toEqual([]);
  });

  it('no plugin or cross-workflow report casts answers through `as unknown as`', () => {
    expect(offending(pluginCode(), /as unknown as/)).toEqual([]);
  });

  it('the core names no plugin (its specs aside)', () => {
    const ids = new RegExp(`(['"\`/]|\\b)(${plugins.join('|')})(['"\`/.]|\\b)`);
    expect(offending(sources(join(ROOT, 'core', 'src')), ids)).toEqual([]);
  });

  /** Lines of every file in a plugin's folder, as a developer reads them (nothing generated exists unless imported). */
  const linesIn = (dir: string): number =>
    readdirSync(dir).reduce((n, name) => {
      const path = join(dir, name);
      return n + (statSync(path).isDirectory() ? linesIn(path) : readFileSync(path, 'utf8').split('\n').length - 1);
    }, 0);

  it('the smallest real workflow and a newcomer’s 10-field workflow are each under 150 lines in all', () => {
    // hot-debrief: a form, a manifest with its demo samples and a summary report; no SQL, entity or migration.
    expect(readdirSync(join(ROOT, 'plugins', 'hot-debrief'), { recursive: true }).sort()).toEqual([
      'forms',
      'forms/hot-debrief.form.json',
      'plugin.ts',
    ]);
    expect(linesIn(join(ROOT, 'plugins', 'hot-debrief'))).toBeLessThan(150);
    // plugin:new plus a 10-field form (a conditional field and a repeating group), a 3-state
    // workflow, a monthly report and its spec (which runs with the rest of the suite).
    const newcomer = join(ROOT, 'test', 'fixtures', 'newcomer-plugins', 'seized-vehicle-log');
    const form = JSON.parse(readFileSync(join(newcomer, 'forms', 'seized-vehicle-log.form.json'), 'utf8')) as {
      pages: { components: { name?: string; type?: string; show_when?: unknown }[] }[];
    };
    const fields = form.pages.flatMap((p) => p.components);
    expect(fields.filter((f) => f.name)).toHaveLength(10);
    expect(fields.some((f) => f.type === 'group') && fields.some((f) => f.show_when)).toBe(true);
    expect(linesIn(newcomer)).toBeLessThan(150);
  });
});
