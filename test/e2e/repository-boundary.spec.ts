import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd();
const CORE = join(ROOT, 'core', 'src');

/**
 * What a service may not do: run SQL or reach the ORM itself. It gets injected repositories,
 * opens transactions with `Transactions.run` and passes the EntityManager on
 * (core/src/database/transactions.ts, docs/architecture.md "Services and repositories").
 */
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\.query\s*\(/, why: 'runs SQL (move it into a repository)' },
  { pattern: /\bnew\s+[A-Z]\w*Repository\s*\(/, why: 'builds a repository with new (inject it)' },
  { pattern: /@Inject(DataSource|EntityManager|Repository)\b/, why: 'injects the ORM (inject repositories)' },
  { pattern: /\b(getRepository|createQueryBuilder|createQueryRunner)\s*\(/, why: 'uses the ORM (use a repository)' },
  { pattern: /\.transaction\s*\(/, why: 'opens a transaction on the ORM (use Transactions.run)' },
  { pattern: /\bdataSource\b/i, why: 'holds the DataSource (inject repositories)' },
];

/** Providers that hold rules like services without the `.service.ts` name. */
const ALSO_SERVICES = [
  'audit/audit-sealer.ts',
  'cases/case-key.ts',
  'cases/plugin-lookup.ts',
  'integrations/outbox-dispatcher.ts',
  'integrations/received.ts',
  'notifications/notification-hub.ts',
];

/** The lines of a source that break the boundary, comments left out. */
function boundaryBreaches(source: string): { line: number; text: string; why: string }[] {
  const withoutComments = source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return withoutComments
    .split('\n')
    .flatMap((text, i) =>
      FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ why }) => ({ line: i + 1, text: text.trim(), why })),
    );
}

function serviceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serviceFiles(path);
    return name.endsWith('.service.ts') ? [relative(CORE, path)] : [];
  });
}

const breachesOf = (file: string) =>
  boundaryBreaches(readFileSync(join(CORE, file), 'utf8')).map((b) => `${file}:${b.line}: ${b.why}: ${b.text}`);

describe('services reach the database only through injected repositories', () => {
  const services = [...serviceFiles(CORE), ...ALSO_SERVICES].sort();

  it('finds the services', () => {
    expect(services).toEqual(expect.arrayContaining(['cases/submission.service.ts', 'plugins/plugins.service.ts']));
    expect(services.length).toBeGreaterThan(15);
  });

  it('no service runs SQL, builds a repository or reaches the ORM', () => {
    expect(services.flatMap(breachesOf)).toEqual([]);
  });

  it('the check finds each kind of breach, and not the same words in comments or in repository calls', () => {
    const source = [
      "import { DataSource } from 'typeorm';",
      'constructor(@InjectDataSource() private readonly ds: DataSource) {}',
      "const rows = await this.ds.query('SELECT 1');",
      'const repo = new CasesRepository(this.ds);',
      'await this.ds',
      '  .query(sql);',
      'this.ds.getRepository(UserEntity);',
      'await this.ds.transaction(async (m) => m);',
      '// this.ds.query(...) is what we used to do',
      '/* new TasksRepository( */',
      'await this.transactions.run((manager) => this.cases.insertLink(manager, a, b, "led-to"));',
      "const url = 'http://example.invalid'; await this.ds.query(sql); // after a URL's // the line goes on",
    ].join('\n');
    expect(boundaryBreaches(source).map((b) => b.line)).toEqual([1, 2, 2, 3, 4, 6, 7, 8, 12]);
  });
});
