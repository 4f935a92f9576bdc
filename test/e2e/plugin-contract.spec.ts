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
});
