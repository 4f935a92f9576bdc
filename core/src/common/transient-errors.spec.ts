import { jest } from '@jest/globals';
import { createServer } from 'node:net';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import type { Logger } from 'pino';
import { PluginHookError } from '../cases/case-errors.js';
import { TransientErrorLog, isTransientDatabaseError } from './transient-errors.js';

/** The error a real PostgreSQL (or a real refused connection) gives, caught. */
async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('transient database errors', () => {
  const admin = process.env.COP_TEST_ADMIN_URL!;

  it('knows a refused connection, a terminated backend and a serialisation failure, also wrapped', async () => {
    const refused = await caught(async () => {
      const client = new pg.Client({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x' });
      await client.connect();
    });
    expect(isTransientDatabaseError(refused)).toBe(true);

    const victim = new pg.Client({ connectionString: admin });
    victim.on('error', () => undefined);
    await victim.connect();
    const killer = new pg.Client({ connectionString: admin });
    await killer.connect();
    const pid = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const sleeping = caught(() => victim.query('SELECT pg_sleep(10)'));
    await new Promise((r) => setTimeout(r, 100));
    await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    const terminated = await sleeping;
    expect((terminated as { code?: string }).code).toBe('57P01');
    expect(isTransientDatabaseError(terminated)).toBe(true);
    expect(isTransientDatabaseError(new QueryFailedError('SELECT 1', [], terminated as Error))).toBe(true);

    // Two serialisable transactions reading and writing the same rows: one must retry.
    const a = killer;
    const b = new pg.Client({ connectionString: admin });
    await b.connect();
    const table = `transient_${process.pid}_${Date.now()}`;
    await a.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int)`);
    try {
      await a.query(`INSERT INTO ${table} VALUES (1, 0), (2, 0)`);
      await a.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      await b.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      await a.query(`SELECT sum(n) FROM ${table}`);
      await b.query(`SELECT sum(n) FROM ${table}`);
      await a.query(`UPDATE ${table} SET n = 1 WHERE id = 1`);
      await b.query(`UPDATE ${table} SET n = 1 WHERE id = 2`);
      await a.query('COMMIT');
      const serialisation = await caught(() => b.query('COMMIT'));
      expect((serialisation as { code?: string }).code).toBe('40001');
      expect(isTransientDatabaseError(serialisation)).toBe(true);
    } finally {
      await b.query('ROLLBACK').catch(() => undefined);
      await a.query(`DROP TABLE ${table}`);
      await a.end();
      await b.end();
    }
  });

  it('leaves errors of the request or the plugin alone', async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      const badInput = await caught(() => client.query("SELECT 'x'::uuid"));
      expect((badInput as { code?: string }).code).toBe('22P02');
      expect(isTransientDatabaseError(badInput)).toBe(false);
    } finally {
      await client.end();
    }
    expect(isTransientDatabaseError(new PluginHookError('p', 'onSubmit', 'no'))).toBe(false);
    expect(isTransientDatabaseError(new Error('notes may not mention a refusal'))).toBe(false);
    expect(isTransientDatabaseError(undefined)).toBe(false);
  });

  it('logs an outage once as a warning, then the count of requests answered 503', () => {
    jest.useFakeTimers();
    try {
      const warnings: [Record<string, unknown>, string][] = [];
      const logger = { warn: (fields: Record<string, unknown>, message: string) => warnings.push([fields, message]) };
      const log = new TransientErrorLog(logger as unknown as Logger);
      const error = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      for (let i = 0; i < 65; i++) log.record(error);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]![0]).toMatchObject({ code: '57P01' });
      jest.advanceTimersByTime(10_000);
      expect(warnings).toHaveLength(2);
      expect(warnings[1]![0]).toMatchObject({ count: 65 });
    } finally {
      jest.useRealTimers();
    }
  });
});
