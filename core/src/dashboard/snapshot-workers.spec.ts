import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/utils/app.js';
import { inSnapshot } from './snapshot-workers.js';

describe('inSnapshot (real PostgreSQL)', () => {
  let databaseUrl: string;
  let wide: DataSource;
  let narrow: DataSource;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    wide = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 4 });
    narrow = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 1 });
    await wide.initialize();
    await narrow.initialize();
    await wide.query('CREATE TABLE spec_row (id serial PRIMARY KEY)');
    await wide.query('INSERT INTO spec_row DEFAULT VALUES');
  });

  afterAll(async () => {
    await wide.destroy();
    await narrow.destroy();
    await dropTestDatabase(databaseUrl);
  });

  it('runs units side by side on several connections, every one reading the same snapshot', async () => {
    const started = performance.now();
    const seen = await inSnapshot(wide, 3, async (run) => {
      const first = await run(
        async (m) => (await m.query('SELECT count(*)::int AS n FROM spec_row')) as { n: number }[],
      );
      // Committed after the snapshot was taken: no unit may see it.
      await wide.query('INSERT INTO spec_row DEFAULT VALUES');
      const units = await Promise.all(
        Array.from({ length: 3 }, () =>
          run(
            async (m) =>
              (
                (await m.query(
                  'SELECT pg_sleep(0.4), count(*)::int AS n, pg_backend_pid() AS pid, transaction_read_only FROM spec_row, LATERAL (SELECT current_setting($1) AS transaction_read_only) r GROUP BY 3, 4',
                  ['transaction_read_only'],
                )) as { n: number; pid: number; transaction_read_only: string }[]
              )[0]!,
          ),
        ),
      );
      return { first: first[0]!.n, units };
    });
    const seconds = (performance.now() - started) / 1000;
    expect(seen.first).toBe(1);
    expect(seen.units.map((u) => u.n)).toEqual([1, 1, 1]);
    expect(seen.units.every((u) => u.transaction_read_only === 'on')).toBe(true);
    expect(new Set(seen.units.map((u) => u.pid)).size).toBe(3);
    // Three 0.4 s units one after the other would take 1.2 s.
    expect(seconds).toBeLessThan(1.1);
    expect(Number((await wide.query('SELECT count(*) AS n FROM spec_row'))[0].n)).toBe(2);
  });

  it('works through every unit on its one connection when the pool has no other to give', async () => {
    const counts = await inSnapshot(narrow, 3, (run) =>
      Promise.all(
        Array.from({ length: 5 }, () =>
          run(async (m) => ((await m.query('SELECT count(*)::int AS n FROM spec_row')) as { n: number }[])[0]!.n),
        ),
      ),
    );
    expect(counts).toHaveLength(5);
    expect(new Set(counts).size).toBe(1);
    // The helpers that were waiting for the pool have given their connections back.
    expect(await inSnapshot(narrow, 1, (run) => run(async () => 'again'))).toBe('again');
  });

  it('rejects with the failing unit and leaves no transaction open', async () => {
    await expect(
      inSnapshot(wide, 3, (run) => Promise.all([run((m) => m.query('SELECT 1')), run((m) => m.query('SELECT nope'))])),
    ).rejects.toThrow(/nope/);
    const open = (await wide.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
    )) as { n: number }[];
    expect(open[0]!.n).toBe(0);
  });
});
