import pino from 'pino';
import { DataSource, type MigrationInterface } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/utils/app.js';
import { activatePlugin } from './plugin-host.js';
import { PluginRegistry, type UsablePlugin } from './plugin-registry.js';
import type { PluginStateRepository } from './plugin-state.repository.js';

/** Activation on a real (empty) database: the quarantine reason names the step that failed. */
describe('activatePlugin quarantine reasons', () => {
  let databaseUrl: string;
  let dataSource: DataSource;
  const logger = pino({ level: 'silent' });
  /** Stands in for core.plugin_state, which this bare database does not have. */
  const states = { recordInstalled: async () => undefined } as unknown as PluginStateRepository;

  const plugin = (id: string, extra: Partial<UsablePlugin> = {}): UsablePlugin => ({
    id,
    dir: `/nowhere/${id}`,
    status: 'enabled',
    manifest: { id, title: id, version: '1.0.0', description: id, sdk: '^1.0.0' },
    migrations: [],
    forms: [],
    templates: [],
    logger,
    ...extra,
  });
  const activate = async (record: UsablePlugin) => {
    const registry = new PluginRegistry();
    registry.add(record);
    const ok = await activatePlugin(registry, record, dataSource, states);
    return { ok, status: record.status, reason: record.reason };
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('names the migration that failed', async () => {
    const bad: MigrationInterface = {
      up: async (q) => void (await q.query('SELECT * FROM no_such_table')),
      down: async () => undefined,
    };
    const result = await activate(plugin('bad-migration', { migrations: [{ name: '1-bad', migration: bad }] }));
    expect(result).toMatchObject({ ok: false, status: 'quarantined' });
    expect(result.reason).toMatch(/^migration 1-bad failed: relation "no_such_table" does not exist$/);
  });

  it('says the migrations could not run when the runner fails outside a migration, not that onLoad failed', async () => {
    // A migrations table of the wrong shape: the runner cannot read which migrations ran.
    await dataSource.query('CREATE SCHEMA plugin_broken_runner');
    await dataSource.query('CREATE TABLE plugin_broken_runner.migrations (id integer)');
    let onLoadRan = false;
    const record = plugin('broken-runner');
    record.manifest.hooks = { onLoad: () => void (onLoadRan = true) };
    const result = await activate(record);
    expect(result).toMatchObject({ ok: false, status: 'quarantined' });
    expect(result.reason).toBe('migrations could not run: column "name" does not exist');
    expect(onLoadRan).toBe(false);
  });

  it('says the onLoad hook failed only when it did', async () => {
    const record = plugin('throwing-on-load');
    record.manifest.hooks = {
      onLoad: () => {
        throw new Error('cannot reach the widget service');
      },
    };
    expect(await activate(record)).toMatchObject({
      ok: false,
      status: 'quarantined',
      reason: 'onLoad hook failed: cannot reach the widget service',
    });
  });

  it('enables a plugin whose steps all succeed', async () => {
    expect(await activate(plugin('fine'))).toEqual({ ok: true, status: 'enabled', reason: undefined });
  });
});
