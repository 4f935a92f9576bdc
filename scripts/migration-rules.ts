import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/**
 * Expand-then-contract, checked (docs/operations.md, "Rolling upgrades"): while an upgrade rolls,
 * instances of the previous release serve on the schema this release's migrations made, so a
 * migration may only add what the previous release's code does not notice. What takes something
 * away from it, or forbids a write it still makes, must wait for the release after the one that
 * stopped using it, and says so with a marker naming that release:
 *
 *     // @contracting unused-since 1.4.0: core.case.legacy_ref is read and written by nothing since 1.4.0
 *
 * The named release must be older than the owner's current version (the root package.json for
 * the core, the plugin's manifest for a plugin): the release that stopped using it has shipped.
 * A `CREATE INDEX` on a table the migration does not create blocks writes to it while it builds,
 * so it is `CONCURRENTLY` (with `transaction = false`, core/src/database/migration-runner.ts) or
 * says why not: `// @blocking-index: <why the wait is harmless>`.
 */

/** One migration's source, with the version of the release that ships it. */
export interface MigrationSource {
  /** `core/src/database/migrations/<file>` or `plugins/<id>/migrations/<file>`. */
  path: string;
  source: string;
  /** The owner's current version: the release this migration ships in. */
  release: string;
}

/** Migrations that were written before the rule, kept as they are: history is not rewritten. */
export const BEFORE_THE_RULE: Record<string, string> = {
  'core/src/database/migrations/1764130065000-task-queue-orders.ts': 'indexes core.task without CONCURRENTLY',
  'core/src/database/migrations/1764130075000-outbox-case-events.ts': 'indexes core.outbox without CONCURRENTLY',
  'core/src/database/migrations/1764130088000-session-revocation.ts':
    'drops the default of NOT NULL core.refresh_token.session_id (the previous release inserts refresh tokens without it); indexes core.refresh_token without CONCURRENTLY',
  'core/src/database/migrations/1764130089000-audit-keyed-seals.ts':
    'drops core.seal_audit(), which the previous release calls to seal the audit chain',
  'core/src/database/migrations/1764130097000-case-created-index.ts': 'indexes core.case without CONCURRENTLY',
  'core/src/database/migrations/1764130099100-outbox-dead-index.ts': 'indexes core.outbox without CONCURRENTLY',
  'core/src/database/migrations/1764130105000-outbox-retry-window.ts': 'indexes core.outbox without CONCURRENTLY',
  'plugins/intelligence-case/migrations/1764206200000-drop-dissemination-log.ts':
    'drops plugin_intelligence_case.intelligence_product in the release whose code stopped writing it',
};

const CONTRACTING = /@contracting\s+unused-since\s+(\S+?):?\s/;
const BLOCKING_INDEX = /@blocking-index:\s*\S/;

/** The body of `up(…) { … }`, comments and all; what `down()` does is not checked. */
export function upBody(source: string): string | undefined {
  const start = /\basync\s+up\s*\([^)]*\)\s*(?::\s*Promise<void>\s*)?\{/.exec(source);
  if (!start) return undefined;
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start.index + start[0].length, i);
  }
  return undefined;
}

/** Comments out, whitespace to single spaces: the SQL as one line to match. */
const flatten = (code: string) =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/.*$/gm, '$1 ')
    .replace(/\s+/g, ' ');

const IDENT = String.raw`"?[\w$]+"?`;
const QUALIFIED = String.raw`(?:(?:${IDENT}|\$\{\w+\})\.)?${IDENT}`;

/** What in `up()` takes something away from the previous release or forbids a write it makes. */
export function contractingChanges(up: string): string[] {
  const sql = flatten(up);
  const found: string[] = [];
  const each = (pattern: RegExp, what: (m: RegExpExecArray) => string) => {
    for (const m of sql.matchAll(new RegExp(pattern.source, 'gi'))) found.push(what(m));
  };
  each(/\bDROP\s+(TABLE|VIEW|SCHEMA|TYPE|FUNCTION|SEQUENCE)\b/, (m) => `DROP ${m[1]!.toUpperCase()}`);
  each(/\bDROP\s+COLUMN\b/, () => 'DROP COLUMN');
  each(/\bRENAME\b(\s+(?:TO|COLUMN|CONSTRAINT))?/, (m) => `RENAME${(m[1] ?? '').toUpperCase()}`);
  each(
    new RegExp(String.raw`\bALTER\s+COLUMN\s+(${IDENT})\s+(?:SET\s+DATA\s+)?TYPE\b`),
    (m) => `ALTER COLUMN ${m[1]} TYPE`,
  );
  each(
    new RegExp(String.raw`\bALTER\s+COLUMN\s+(${IDENT})\s+DROP\s+DEFAULT\b`),
    (m) => `ALTER COLUMN ${m[1]} DROP DEFAULT`,
  );
  const defaulted = new Set(
    [...sql.matchAll(new RegExp(String.raw`\bALTER\s+COLUMN\s+(${IDENT})\s+SET\s+DEFAULT\b`, 'gi'))].map((m) =>
      m[1]!.replace(/"/g, ''),
    ),
  );
  each(new RegExp(String.raw`\bALTER\s+COLUMN\s+(${IDENT})\s+SET\s+NOT\s+NULL\b`), (m) =>
    defaulted.has(m[1]!.replace(/"/g, '')) ? '' : `ALTER COLUMN ${m[1]} SET NOT NULL without a default`,
  );
  // ADD COLUMN x … up to the next comma or end of statement: NOT NULL needs a DEFAULT there.
  each(/\bADD\s+COLUMN\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:\([^)]*\)|[^,;'`()])*)/, (m) =>
    /\bNOT\s+NULL\b/i.test(m[1]!) && !/\bDEFAULT\b/i.test(m[1]!)
      ? `ADD COLUMN ${m[1]!.trim().split(' ')[0]} NOT NULL without a default`
      : '',
  );
  return found.filter(Boolean);
}

/** `CREATE INDEX` statements without CONCURRENTLY on tables the same `up()` does not create. */
export function blockingIndexes(up: string): string[] {
  const sql = flatten(up);
  const created = new Set(
    [...sql.matchAll(new RegExp(String.raw`\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QUALIFIED})`, 'gi'))].map(
      (m) => tableName(m[1]!),
    ),
  );
  const pattern = new RegExp(
    String.raw`\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${QUALIFIED})`,
    'gi',
  );
  return [...sql.matchAll(pattern)]
    .filter((m) => !m[1] && !created.has(tableName(m[2]!)))
    .map((m) => `CREATE INDEX on ${tableName(m[2]!)} without CONCURRENTLY`);
}

const tableName = (qualified: string) => qualified.replace(/"/g, '').split('.').pop()!;

/** What is wrong with one migration under the rule; empty when it keeps it. */
export function checkMigration(migration: MigrationSource): string[] {
  if (BEFORE_THE_RULE[migration.path]) return [];
  const up = upBody(migration.source);
  if (up === undefined) return [`${migration.path}: no up() found to check`];
  const problems: string[] = [];
  const contracting = contractingChanges(up);
  if (contracting.length > 0) {
    const marker = CONTRACTING.exec(migration.source);
    const since = marker?.[1];
    if (!since)
      problems.push(
        `${migration.path}: ${contracting.join(', ')} would break instances of the previous release still serving; ` +
          `ship it in the release after the one that stopped using what it removes, marked ` +
          `"// @contracting unused-since <that release>: <what>" (docs/operations.md, "Rolling upgrades")`,
      );
    else if (!semver.valid(since))
      problems.push(`${migration.path}: @contracting unused-since ${since}: not a version (x.y.z)`);
    else if (!semver.lt(since, migration.release))
      problems.push(
        `${migration.path}: @contracting unused-since ${since}: that release must have shipped before this one ` +
          `(${migration.release}), or instances of it still use what the migration removes`,
      );
  }
  const blocking = blockingIndexes(up);
  if (blocking.length > 0 && !BLOCKING_INDEX.test(migration.source))
    problems.push(
      `${migration.path}: ${blocking.join(', ')} blocks writes while it builds; use CREATE INDEX CONCURRENTLY in a ` +
        `migration with transaction = false, or say why the wait is harmless with "// @blocking-index: <why>"`,
    );
  return problems;
}

/** Every migration in the repository at `root`: the core's and each plugin's, with its release. */
export function repositoryMigrations(root: string): MigrationSource[] {
  const read = (dir: string, owner: string, release: string): MigrationSource[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((file) => /^\d+-.+\.ts$/.test(file) && !file.endsWith('.spec.ts'))
          .sort()
          .map((file) => ({
            path: `${dir}/${file}`,
            source: readFileSync(join(root, dir, file), 'utf8'),
            release: release || `(no version found for ${owner})`,
          }))
      : [];
  const coreVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return [
    ...read('core/src/database/migrations', 'the core', coreVersion),
    ...readdirSync(join(root, 'plugins')).flatMap((id) => {
      const manifest = join(root, 'plugins', id, 'plugin.ts');
      const version = existsSync(manifest)
        ? (/\bversion:\s*'([^']+)'/.exec(readFileSync(manifest, 'utf8'))?.[1] ?? '')
        : '';
      return read(`plugins/${id}/migrations`, id, version);
    }),
  ];
}
