// Whether a build step's output is current. After a successful build the step keeps a hash of
// the contents of its inputs beside its output; `npm start` (scripts/build-changed.mjs) rebuilds
// a step only when that hash differs, its output is missing or it was never built. Contents, not
// times, are hashed: a checkout that rewrites files unchanged rebuilds nothing, and any change,
// however small, rebuilds. test/scripts/build-stamp.spec.ts checks the decisions.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Specs are never built into the output (swc ignores them, the shell's tsconfig excludes them). */
const isSpec = (path) => path.endsWith('.spec.ts');
const SCANNED = /\.(ts|mts|js|mjs)$/;

/** The build steps and what each reads. Paths are relative to the project root. */
export const STEPS = {
  server: {
    name: 'server',
    force: 'npm run build:server',
    // What scripts/build-server.mjs compiles and copies.
    dirs: ['core', 'plugins', 'reports', 'test/fixtures'],
    files: ['.swcrc', 'package-lock.json', 'scripts/build-server.mjs', 'scripts/build-stamp.mjs'],
    importsFrom: null,
    outputs: ['dist/core/src/main.js', 'dist/plugins', 'dist/reports', 'dist/test/fixtures'],
    stamp: 'dist/core/.build-inputs.json',
  },
  shell: {
    name: 'shell',
    force: 'npm run build:shell',
    dirs: ['frontend'],
    files: [
      'angular.json',
      'package-lock.json',
      'scripts/build-shell.mjs',
      'scripts/compress-shell.mjs',
      'scripts/build-stamp.mjs',
    ],
    // And every file outside frontend/ that the shell imports (the shared form engine and terms
    // under core/src), followed from import to import.
    importsFrom: 'frontend',
    outputs: ['dist/shell/browser/index.html'],
    stamp: 'dist/shell/.build-inputs.json',
  },
};

/** Every file under dir (relative to root), specs left out. */
function filesUnder(root, dir) {
  const out = [];
  const walk = (abs) => {
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !isSpec(entry.name)) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, dir));
  return out;
}

const toPosix = (path) => path.split(sep).join('/');

/** The relative module specifiers a source file names: static imports and exports, side-effect and dynamic imports. */
export function importSpecifiers(source) {
  const found = new Set();
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1].startsWith('.')) found.add(m[1]);
  return [...found];
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in TypeScript source); the bare path if none exists. */
function resolveSpecifier(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    `${base}.ts`,
    join(base, 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

/**
 * The files outside `dir` that files under it import, directly or through each other, relative
 * to root. A specifier that resolves to nothing is kept too, so the file appearing is a change.
 */
export function importClosure(root, dir) {
  const inside = resolve(root, dir) + sep;
  const outside = new Set();
  const queue = filesUnder(root, dir)
    .filter((f) => SCANNED.test(f))
    .map((f) => resolve(root, f));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift();
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, specifier);
      if (target.startsWith(inside) || seen.has(target)) continue;
      seen.add(target);
      outside.add(toPosix(relative(root, target)));
      if (SCANNED.test(target) && existsSync(target)) queue.push(target);
    }
  }
  return [...outside];
}

/** Every input of the step, relative to root, sorted. */
export function stepInputs(root, step) {
  const inputs = new Set([...step.files, ...step.dirs.flatMap((dir) => filesUnder(root, dir))]);
  if (step.importsFrom) for (const file of importClosure(root, step.importsFrom)) inputs.add(file);
  return [...inputs].sort();
}

/** A hash of the inputs' paths and contents (a missing input counts as missing). */
export function fingerprint(root, inputs) {
  const hash = createHash('sha256');
  for (const path of inputs) {
    const abs = join(root, path);
    const content = existsSync(abs) ? createHash('sha256').update(readFileSync(abs)).digest('hex') : 'missing';
    hash.update(`${path}\0${content}\n`);
  }
  return hash.digest('hex');
}

/**
 * Whether the step must be built: `{ rebuild, reason, hash }`, where reason is `never built`,
 * `output missing`, `inputs changed` or `unchanged`, and hash is of the inputs now (to record
 * once the build has succeeded).
 */
export function decide(root, step) {
  const hash = fingerprint(root, stepInputs(root, step));
  const stampFile = join(root, step.stamp);
  if (!existsSync(stampFile)) return { rebuild: true, reason: 'never built', hash };
  if (step.outputs.some((o) => !existsSync(join(root, o)))) return { rebuild: true, reason: 'output missing', hash };
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stampFile, 'utf8')).hash;
  } catch {
    return { rebuild: true, reason: 'never built', hash };
  }
  return recorded === hash
    ? { rebuild: false, reason: 'unchanged', hash }
    : { rebuild: true, reason: 'inputs changed', hash };
}

/** Records a successful build of the step from inputs with this hash. */
export function writeStamp(root, step, hash) {
  writeFileSync(join(root, step.stamp), `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
}

/** The line `npm start` prints for a step it skips. */
export function skipMessage(step) {
  return `${step.name} unchanged since last build, skipping (${step.force} to force)`;
}
