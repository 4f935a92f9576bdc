import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide, importSpecifiers, skipMessage, stepInputs, STEPS, writeStamp } from '../../scripts/build-stamp.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A small project: a shell importing the shared engine, which imports a file of its own. */
function project(): { root: string; write: (path: string, text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'cop-build-stamp-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('angular.json', '{}');
  write('package-lock.json', '{}');
  write('.swcrc', '{}');
  write('frontend/src/main.ts', "import { validate } from '../../core/src/forms/engine/index';\nvalidate();\n");
  write('frontend/src/app/page.html', '<p>Tasks</p>');
  write('frontend/src/app/page.spec.ts', "it('works', () => undefined);");
  write('core/src/forms/engine/index.ts', "export { validate } from './validate.js';\n");
  write('core/src/forms/engine/validate.ts', 'export function validate() { return true; }\n');
  write('core/src/cases/tasks.service.ts', 'export const tasks = 1;\n');
  write('plugins/hot-debrief/plugin.ts', 'export default {};\n');
  return { root, write };
}

/** Builds the step as far as the stamp is concerned: its outputs exist and its inputs are recorded. */
function build(root: string, step: (typeof STEPS)['shell']): void {
  for (const output of step.outputs) {
    mkdirSync(dirname(join(root, output)), { recursive: true });
    writeFileSync(join(root, output), 'built');
  }
  writeStamp(root, step, decide(root, step).hash);
}

describe('npm start rebuilds only what changed', () => {
  let root: string;
  let write: (path: string, text: string) => void;
  beforeEach(() => ({ root, write } = project()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds a step never built, skips it when nothing changed, and says how to force it', () => {
    expect(decide(root, STEPS.shell)).toMatchObject({ rebuild: true, reason: 'never built' });
    build(root, STEPS.shell);
    expect(decide(root, STEPS.shell)).toMatchObject({ rebuild: false, reason: 'unchanged' });
    expect(skipMessage(STEPS.shell)).toBe('shell unchanged since last build, skipping (npm run build:shell to force)');
    expect(skipMessage(STEPS.server)).toBe(
      'server unchanged since last build, skipping (npm run build:server to force)',
    );
  });

  it.each([
    ['a shell template', 'frontend/src/app/page.html', '<p>My tasks</p>'],
    ['a new shell file', 'frontend/src/app/new.page.ts', 'export const x = 1;'],
    [
      'the shared engine the shell imports, two imports away',
      'core/src/forms/engine/validate.ts',
      'export const v = 2;',
    ],
    ['angular.json', 'angular.json', '{"projects":{}}'],
    ['the lockfile', 'package-lock.json', '{"lockfileVersion":3}'],
  ])('rebuilds the shell after a change to %s', (_what, path, text) => {
    build(root, STEPS.shell);
    write(path, text);
    expect(decide(root, STEPS.shell)).toMatchObject({ rebuild: true, reason: 'inputs changed' });
  });

  it('rebuilds the shell when its output is gone', () => {
    build(root, STEPS.shell);
    rmSync(join(root, 'dist/shell/browser/index.html'));
    expect(decide(root, STEPS.shell)).toMatchObject({ rebuild: true, reason: 'output missing' });
  });

  it('skips the shell after a change it is not built from: core code it does not import, a plugin, a shell spec, a file touched unchanged', () => {
    build(root, STEPS.shell);
    build(root, STEPS.server);
    write('core/src/cases/tasks.service.ts', 'export const tasks = 2;\n');
    write('plugins/seized-vehicle-log/plugin.ts', 'export default {};\n');
    write('frontend/src/app/page.spec.ts', "it('still works', () => undefined);");
    utimesSync(join(root, 'frontend/src/main.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(decide(root, STEPS.shell)).toMatchObject({ rebuild: false });
    expect(decide(root, STEPS.server)).toMatchObject({ rebuild: true, reason: 'inputs changed' });
  });

  it('rebuilds the server after a new plugin, and skips it once built', () => {
    build(root, STEPS.server);
    expect(decide(root, STEPS.server).rebuild).toBe(false);
    write('plugins/seized-vehicle-log/forms/log.form.json', '{}');
    expect(decide(root, STEPS.server)).toMatchObject({ rebuild: true, reason: 'inputs changed' });
    build(root, STEPS.server);
    expect(decide(root, STEPS.server).rebuild).toBe(false);
  });

  it('reads every kind of relative import, across lines, and no package import', () => {
    expect(
      importSpecifiers(
        `import type {\n  A,\n  B,\n} from '../a.js';\nexport * from "./b";\nimport './c.css';\nconst d = await import('./d.js');\nimport { e } from 'rxjs';`,
      ),
    ).toEqual(['../a.js', './b', './c.css', './d.js']);
  });

  it("follows the real shell into the core's form engine and term dictionary, and nowhere else in the core", () => {
    const inputs = stepInputs(ROOT, STEPS.shell);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'angular.json',
        'frontend/src/main.ts',
        'core/src/terms/standard-terms.ts',
        'core/src/terms/term-dictionary.ts',
        'core/src/forms/engine/validate.ts',
        'core/src/forms/engine/normalise.ts',
      ]),
    );
    const core = inputs.filter((p) => p.startsWith('core/'));
    expect(
      core.filter(
        (p) =>
          !p.startsWith('core/src/forms/engine/') &&
          !['core/src/terms/standard-terms.ts', 'core/src/terms/term-dictionary.ts'].includes(p),
      ),
    ).toEqual([]);
  });
});
