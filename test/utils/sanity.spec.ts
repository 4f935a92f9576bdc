import pg from 'pg';

describe('test database', () => {
  it('is reachable', async () => {
    const client = new pg.Client({ connectionString: process.env.COP_TEST_ADMIN_URL });
    await client.connect();
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    await client.end();
    expect(rows[0]?.one).toBe(1);
  });
});
