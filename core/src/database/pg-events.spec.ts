import pino from 'pino';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../../test/utils/app.js';
import { PgEvents } from './pg-events.js';

const until = async (check: () => boolean, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('PgEvents after its listening connection drops (real PostgreSQL)', () => {
  let databaseUrl: string;
  let dataSource: DataSource;
  let events: PgEvents;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await events?.close();
    await dataSource.destroy();
    await dropTestDatabase(databaseUrl);
  });

  it('hears notifications again, and retries a catch-up that failed until it succeeds', async () => {
    events = new PgEvents(databaseUrl, dataSource, pino({ level: 'silent' }));
    events.reconnectDelayMs = 100;
    await events.start();
    const heard: string[] = [];
    const catchUps: Date[] = [];
    let failuresLeft = 2;
    await events.listen(
      'spec_channel',
      (payload) => heard.push(payload),
      async (lostAt) => {
        catchUps.push(lostAt);
        if (failuresLeft-- > 0) throw new Error('database still starting');
      },
    );
    await events.notify('spec_channel', 'before');
    await until(() => heard.includes('before'), 'the first notification');

    await dataSource.query('SELECT pg_terminate_backend($1)', [events.backendPid]);
    await until(() => events.reconnects === 1, 'the reconnect');
    await until(() => events.catchUpRetries === 1, 'the catch-up to succeed on a retry');
    // Tried after the reconnect, then twice more (100 ms, then 200 ms later), always from when the connection dropped.
    expect(catchUps).toHaveLength(3);
    expect(new Set(catchUps.map((d) => d.getTime())).size).toBe(1);

    await events.notify('spec_channel', 'after');
    await until(() => heard.includes('after'), 'a notification after the reconnect');
    expect(heard).toEqual(['before', 'after']);
  });
});
