import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where migrations live: the core's, and every plugin's own folder. */
export const MIGRATION_PATHS = ['core/src/database/migrations', ':(glob)plugins/*/migrations/**'];

/** The release before this checkout's: the build an upgrade rolls from. */
export interface PreviousBuild {
  commit: string;
  /** `<short hash> <subject>` of the commit. */
  title: string;
  /** Why it is the previous build: the change to the migrations that came after it. */
  reason: string;
}

const git = (root: string, args: string[]) =>
  execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();

/**
 * The newest commit on the first-parent line (main's history, merges as one step) that lacks a
 * migration this checkout has: HEAD itself when the working tree changes migrations, else the
 * first parent of the commit that last added one (a commit that only edits a migration not yet
 * released would give an upgrade with nothing to apply). Throws, saying why, when the history
 * needed is not there (a shallow clone).
 */
export function findPreviousBuild(root: string): PreviousBuild {
  if (git(root, ['rev-parse', '--is-shallow-repository']) === 'true')
    throw new Error(
      `${root} is a shallow clone: the rolling-upgrade spec needs the history to find the previous build (git fetch --unshallow)`,
    );
  const title = (commit: string) => git(root, ['log', '-1', '--format=%h %s', commit]).slice(0, 120);
  const changedHere = git(root, ['status', '--porcelain', '--', ...MIGRATION_PATHS]);
  if (changedHere !== '')
    return {
      commit: git(root, ['rev-parse', 'HEAD']),
      title: title('HEAD'),
      reason: `the working tree changes migrations:\n${changedHere}`,
    };
  const last = git(root, [
    'log',
    '--first-parent',
    '--diff-filter=A',
    '-1',
    '--format=%H',
    'HEAD',
    '--',
    ...MIGRATION_PATHS,
  ]);
  if (last === '') throw new Error('no commit in this history adds a migration');
  const parent = git(root, ['rev-parse', '--verify', '--quiet', `${last}^1`]);
  if (parent === '') throw new Error(`${title(last)} changes the migrations but has no parent to upgrade from`);
  return { commit: parent, title: title(parent), reason: `the next commit adds a migration: ${title(last)}` };
}

/** A build exported from git into a folder of its own, ready to run from source. */
export interface ExportedBuild {
  dir: string;
  /** How its node_modules came about: this checkout's (same lockfile), or `npm ci` in `dir`. */
  modules: 'linked' | 'installed';
  /** How long `npm ci` took, when it ran. */
  installMs?: number;
  remove(): void;
}

/** Thrown when the previous build's dependencies cannot be installed (no registry reachable, say). */
export class InstallImpossibleError extends Error {
  override name = 'InstallImpossibleError';
}

/**
 * `git archive` of `commit` into a temporary folder. Its node_modules is a link to this
 * checkout's when the lockfiles are identical; otherwise `npm ci --ignore-scripts` installs its
 * own (the core needs no install script when DATABASE_URL is set).
 */
export async function exportBuild(root: string, commit: string): Promise<ExportedBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'cop-previous-build-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tar = join(dir, '.build.tar');
    git(root, ['archive', '--format=tar', '-o', tar, commit]);
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    rmSync(tar);
    const lock = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    if (lock(join(dir, 'package-lock.json')) === lock(join(root, 'package-lock.json'))) {
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      return { dir, modules: 'linked', remove };
    }
    const started = Date.now();
    await new Promise<void>((resolve, reject) =>
      execFile(
        'npm',
        ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
        { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) =>
          error
            ? reject(new InstallImpossibleError(`npm ci in ${dir} failed: ${stderr.split('\n').slice(-15).join('\n')}`))
            : resolve(),
      ),
    );
    return { dir, modules: 'installed', installMs: Date.now() - started, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * The migrations a tree holds, as `<schema>/<name>` (the names the runner records): the core's,
 * listed in core/src/database/migrations, and each plugin's, named by file.
 */
export function migrationNames(root: string): Set<string> {
  const names = new Set<string>();
  const add = (schema: string, dir: string) => {
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir))
      if (/^\d+-.+\.ts$/.test(file) && !file.endsWith('.spec.ts')) names.add(`${schema}/${file.slice(0, -3)}`);
  };
  add('core', join(root, 'core/src/database/migrations'));
  for (const plugin of readdirSync(join(root, 'plugins')))
    add(`plugin_${plugin.replace(/-/g, '_')}`, join(root, 'plugins', plugin, 'migrations'));
  return names;
}
