import { resolve } from 'node:path';
import pino from 'pino';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource } from '../../core/src/database/database.js';
import { MigrationFailedError, runMigrations } from '../../core/src/database/migration-runner.js';
import {
  BEFORE_THE_RULE,
  checkMigration,
  repositoryMigrations,
  type MigrationSource,
} from '../../scripts/migration-rules.js';
import { createTestDatabase, dropTestDatabase } from '../utils/app.js';

const ROOT = resolve(process.cwd());

/** A core migration shipping in 0.3.0 whose up() runs `statements` (`//` lines as comments); down() drops everything, unchecked. */
const migration = (statements: string[], comment = ''): MigrationSource => ({
  path: 'core/src/database/migrations/1799999999000-example.ts',
  release: '0.3.0',
  source: `import type { MigrationInterface, QueryRunner } from 'typeorm';
${comment}
export class Example1799999999000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
${statements.map((s) => (s.startsWith('//') ? `    ${s}` : `    await q.query(\`${s}\`);`)).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.case DROP COLUMN colour, RENAME COLUMN a TO b');
    await q.query('DROP TABLE core.example');
  }
}
`,
});

/**
 * docs/operations.md, "Rolling upgrades": a migration may not take from the previous release
 * what its instances still use, unless marked with the release that stopped using it.
 */
describe('expand-then-contract rule for migrations', () => {
  it('holds for every migration in the repository', () => {
    const problems = repositoryMigrations(ROOT).flatMap(checkMigration);
    expect(problems).toEqual([]);
  });

  it('lists before the rule only migrations that exist and break it', () => {
    const all = new Map(repositoryMigrations(ROOT).map((m) => [m.path, m]));
    for (const path of Object.keys(BEFORE_THE_RULE)) {
      const found = all.get(path);
      expect({ path, exists: Boolean(found) }).toEqual({ path, exists: true });
      // Checked under another name, the exemption no longer applies.
      expect(checkMigration({ ...found!, path: `${path}.checked` }).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['ALTER TABLE core.case DROP COLUMN legacy_ref', 'DROP COLUMN'],
    ['ALTER TABLE core.case DROP COLUMN IF EXISTS legacy_ref', 'DROP COLUMN'],
    ['DROP TABLE IF EXISTS core.cerberus_target', 'DROP TABLE'],
    ['ALTER TABLE core.case RENAME COLUMN legacy_ref TO reference', 'RENAME COLUMN'],
    ['ALTER TABLE core.task RENAME TO work_item', 'RENAME TO'],
    ['ALTER TABLE core.case ALTER COLUMN state TYPE varchar(20)', 'ALTER COLUMN state TYPE'],
    ['ALTER TABLE core.case ALTER COLUMN state SET DATA TYPE varchar(20)', 'ALTER COLUMN state TYPE'],
    ['ALTER TABLE core.case ALTER COLUMN team SET NOT NULL', 'ALTER COLUMN team SET NOT NULL without a default'],
    ['ALTER TABLE core.case ADD COLUMN colour text NOT NULL', 'ADD COLUMN colour NOT NULL without a default'],
    ['ALTER TABLE core.case ADD COLUMN amount numeric(10, 2) NOT NULL', 'ADD COLUMN amount NOT NULL without a default'],
    ['ALTER TABLE core.case ALTER COLUMN colour DROP DEFAULT', 'ALTER COLUMN colour DROP DEFAULT'],
    ['DROP FUNCTION core.seal_audit(integer, bigint)', 'DROP FUNCTION'],
  ])('refuses %s in up() unmarked', (statement, what) => {
    const problems = checkMigration(migration([statement]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(what);
    expect(problems[0]).toContain('@contracting unused-since');
  });

  it.each([
    ['a nullable column', ['ALTER TABLE core.case ADD COLUMN colour text']],
    ['a NOT NULL column with a default', ["ALTER TABLE core.case ADD COLUMN colour text NOT NULL DEFAULT 'red'"]],
    [
      'NOT NULL once existing rows are filled and new ones defaulted',
      [
        'ALTER TABLE core.outbox ADD COLUMN retry_from timestamptz',
        'UPDATE core.outbox SET retry_from = created_at',
        'ALTER TABLE core.outbox ALTER COLUMN retry_from SET DEFAULT now()',
        'ALTER TABLE core.outbox ALTER COLUMN retry_from SET NOT NULL',
      ],
    ],
    [
      'a table and its indexes',
      [
        'CREATE TABLE core.example (id uuid PRIMARY KEY, at timestamptz)',
        'CREATE INDEX example_at_idx ON core.example (at)',
      ],
    ],
    ['an index built concurrently', ['CREATE INDEX CONCURRENTLY IF NOT EXISTS case_colour_idx ON core.case (colour)']],
    ['an index dropped (reads only get slower)', ['DROP INDEX CONCURRENTLY IF EXISTS core.case_colour_idx']],
    ['a column named like a contracting word', ['ALTER TABLE core.case ADD COLUMN renamed_at timestamptz']],
    ['a comment mentioning one', ['// no DROP COLUMN here', 'ALTER TABLE core.case ADD COLUMN colour text']],
  ])('allows %s', (_what, statements) => {
    expect(checkMigration(migration(statements))).toEqual([]);
  });

  it('allows a contracting change marked with a release that has shipped, and only that', () => {
    const drop = ['ALTER TABLE core.case DROP COLUMN legacy_ref'];
    const marked = (since: string) =>
      checkMigration(
        migration(drop, `// @contracting unused-since ${since}: legacy_ref is read by nothing since ${since}`),
      );
    expect(marked('0.2.0')).toEqual([]);
    expect(marked('0.3.0')[0]).toContain('that release must have shipped before this one (0.3.0)');
    expect(marked('0.4.1')[0]).toContain('that release must have shipped before this one (0.3.0)');
    expect(marked('soon')[0]).toContain('not a version');
  });

  it('refuses an index built on an existing table without CONCURRENTLY, unless said to be harmless', () => {
    const index = ['CREATE INDEX case_colour_idx ON core.case (colour)'];
    expect(checkMigration(migration(index))[0]).toContain('CREATE INDEX on case without CONCURRENTLY blocks writes');
    expect(checkMigration(migration(['CREATE UNIQUE INDEX x ON core.reference_set (id, name)']))).toHaveLength(1);
    expect(checkMigration(migration(index, '// @blocking-index: core.case is empty when this ships'))).toEqual([]);
  });
});

/** Migrations with `transaction = false`, for CREATE INDEX CONCURRENTLY. */
describe('a migration outside a transaction', () => {
  let url: string;
  let dataSource: DataSource;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = createDataSource(url, [], 1); // one connection: the search path checked is the runner's
    await dataSource.initialize();
    await dataSource.query('CREATE SCHEMA example');
    await dataSource.query('CREATE TABLE example.item (id serial PRIMARY KEY, colour text)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (url) await dropTestDatabase(url);
  });

  const concurrently = (sql: string): MigrationInterface => ({
    transaction: false,
    up: async (q: QueryRunner) => void (await q.query(sql)),
    down: async () => undefined,
  });

  it('builds an index CONCURRENTLY (refused inside a transaction) and records it once', async () => {
    const build = concurrently('CREATE INDEX CONCURRENTLY IF NOT EXISTS item_colour_idx ON item (colour)');
    const applied = await runMigrations(dataSource, 'example', [{ name: '1-colour-index', migration: build }], logger);
    expect(applied).toEqual(['1-colour-index']);
    const indexes = (await dataSource.query(
      `SELECT indexname, i.indisvalid AS valid FROM pg_indexes
         JOIN pg_class c ON c.relname = indexname JOIN pg_index i ON i.indexrelid = c.oid
        WHERE schemaname = 'example' AND indexname = 'item_colour_idx'`,
    )) as { indexname: string; valid: boolean }[];
    expect(indexes).toEqual([{ indexname: 'item_colour_idx', valid: true }]);
    expect(await runMigrations(dataSource, 'example', [{ name: '1-colour-index', migration: build }], logger)).toEqual(
      [],
    );

    // The same statement in an ordinary migration is what PostgreSQL refuses.
    const inTransaction = { ...concurrently('CREATE INDEX CONCURRENTLY other_idx ON item (id)'), transaction: true };
    await expect(
      runMigrations(dataSource, 'example', [{ name: '2-in-transaction', migration: inTransaction }], logger),
    ).rejects.toThrow(/cannot run inside a transaction block/);
  });

  it('records nothing when it fails, and leaves the search path as it was', async () => {
    const failing = concurrently('CREATE INDEX CONCURRENTLY broken_idx ON item (no_such_column)');
    await expect(
      runMigrations(dataSource, 'example', [{ name: '3-broken', migration: failing }], logger),
    ).rejects.toBeInstanceOf(MigrationFailedError);
    expect(await dataSource.query(`SELECT name FROM example.migrations ORDER BY name`)).toEqual([
      { name: '1-colour-index' },
    ]);
    const [{ search_path: path }] = (await dataSource.query('SHOW search_path')) as { search_path: string }[];
    expect(path).not.toContain('example');
  });
});
