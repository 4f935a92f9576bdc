import { startTestApp, type TestApp } from '../utils/app.js';

/**
 * Entities and migrations must describe the same tables: after every migration has run,
 * TypeORM's schema builder (what `synchronize` would do) must find nothing to change.
 */
describe('entities and migrations agree', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('needs no schema change after the migrations', async () => {
    const pending = await app.boot.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
