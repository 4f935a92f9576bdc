import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/utils/app.js';
import { queryPrepared, type PreparedStatement } from './prepared.js';

const INSERT: PreparedStatement = {
  name: 'spec_insert_item',
  text: 'INSERT INTO spec_item (code, qty) VALUES ($1, $2) RETURNING id, code, qty',
};

describe('queryPrepared (real PostgreSQL)', () => {
  let databaseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 1 });
    await dataSource.initialize();
    await dataSource.query(
      'CREATE TABLE spec_item (id serial PRIMARY KEY, code text UNIQUE NOT NULL, qty int NOT NULL)',
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(databaseUrl);
  });

  it('prepares the statement once per connection and returns its rows', async () => {
    const result = await dataSource.transaction(async (manager) => {
      const first = await queryPrepared<{ code: string; qty: number }>(manager, INSERT, ['a', 1]);
      const second = await queryPrepared<{ code: string; qty: number }>(manager, INSERT, ['b', 2]);
      const prepared = (await manager.query('SELECT name, statement FROM pg_prepared_statements WHERE name = $1', [
        INSERT.name,
      ])) as { name: string; statement: string }[];
      return { first, second, prepared };
    });
    expect(result.first).toEqual([expect.objectContaining({ code: 'a', qty: 1 })]);
    expect(result.second).toEqual([expect.objectContaining({ code: 'b', qty: 2 })]);
    expect(result.prepared).toEqual([{ name: INSERT.name, statement: INSERT.text }]);
  });

  it("fails as manager.query does (QueryFailedError with the driver's code and constraint) and rolls back", async () => {
    const failure = await dataSource
      .transaction(async (manager) => {
        await queryPrepared(manager, INSERT, ['c', 3]);
        await queryPrepared(manager, INSERT, ['a', 4]);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ code: '23505', constraint: 'spec_item_code_key' });
    const codes = (await dataSource.query('SELECT code FROM spec_item ORDER BY code')) as { code: string }[];
    expect(codes.map((r) => r.code)).toEqual(['a', 'b']);
  });

  it('runs outside a transaction through the manager', async () => {
    const rows = await queryPrepared<{ code: string }>(dataSource.manager, INSERT, ['d', 5]);
    expect(rows).toEqual([expect.objectContaining({ code: 'd', qty: 5 })]);
  });
});
