import { Writable } from 'node:stream';
import pino from 'pino';
import { ReportDatabase } from '../../core/src/reports/report-database.js';
import { pluginKit, type PluginKit } from '../utils/plugin-kit.js';
import { startReplicatedPostgres, type ReplicatedPostgres } from '../utils/replica.js';

const DEBRIEF = {
  category: 'safety',
  occurredAt: '2026-11-20T09:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Barrier failed.',
  actionNeeded: false,
};

/** A logger whose lines the spec can read. */
function capturedLogger(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines: () => lines };
}

const debriefs = (text: string) => Number(/Hot debriefs\s+(\d+)/.exec(text)?.[1]);

/**
 * Reports read a real streaming replica (pg_basebackup of a primary this spec starts, standby on
 * another port) when DATABASE_REPLICA_URL names it, and the primary, with a log line, while it
 * is behind by more than REPLICA_MAX_LAG_SECONDS or down.
 */
describe('reports on a read replica', () => {
  let pg: ReplicatedPostgres;
  let kit: PluginKit;
  const log = capturedLogger();
  const november = { from: '2026-11-01', to: '2026-11-30' };

  beforeAll(async () => {
    pg = await startReplicatedPostgres();
    kit = pluginKit('hot-debrief', {
      databaseUrl: pg.primaryUrl,
      logger: log.logger,
      env: { DATABASE_REPLICA_URL: pg.replicaUrl, REPLICA_MAX_LAG_SECONDS: '2', REPLICA_CHECK_SECONDS: '0' },
    });
    await kit.start();
  }, 120_000);
  afterAll(async () => {
    await kit?.stop();
    await pg?.close();
  });

  /** Waits until the replica has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const [{ lsn }] = await kit.app.sql<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    for (let i = 0; i < 100; i++) {
      const [row] = await pg.onReplica<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [
        lsn,
      ]);
      if (row?.done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not catch up');
  };

  it('runs a report on the replica: a case the replica has not replayed yet is not in it', async () => {
    await kit.submit(DEBRIEF);
    await caughtUp();
    const before = debriefs(await kit.report('debriefs-by-category', november));
    expect(before).toBeGreaterThanOrEqual(1);
    expect(kit.app.app.get(ReportDatabase).state).toMatchObject({ using: 'replica' });
    await pg.pauseReplay();
    await kit.submit(DEBRIEF);
    // Replay stopped a moment ago: within the 2 s allowed, so the report still reads the replica.
    expect(debriefs(await kit.report('debriefs-by-category', november))).toBe(before);
    expect(log.lines().some((l) => l.msg === 'report queries read the replica')).toBe(true);
  });

  it('reads the primary, saying so, once the replica is further behind than allowed', async () => {
    await new Promise((r) => setTimeout(r, 2500));
    const on = await kit.report('debriefs-by-category', november);
    const [{ n }] = await kit.app.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM core.case WHERE plugin_id = 'hot-debrief' AND created_at >= '2026-11-01'",
    );
    expect(debriefs(on)).toBe(n);
    expect(kit.app.app.get(ReportDatabase).state).toMatchObject({ using: 'primary', reason: 'lagging' });
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ msg: 'report queries read the primary: the replica is lagging', limitSeconds: 2 }),
    );
    await pg.resumeReplay();
    await new Promise((r) => setTimeout(r, 500));
    expect(debriefs(await kit.report('debriefs-by-category', november))).toBe(n);
    expect(kit.app.app.get(ReportDatabase).state).toMatchObject({ using: 'replica', lagSeconds: 0 });
  });

  it('reads the primary, saying so, while the replica is down, and the replica again once it is back', async () => {
    pg.stopReplica();
    const text = await kit.report('debriefs-by-category', november);
    expect(debriefs(text)).toBeGreaterThanOrEqual(2);
    expect(kit.app.app.get(ReportDatabase).state).toMatchObject({ using: 'primary', reason: 'unreachable' });
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ msg: 'report queries read the primary: the replica is unreachable' }),
    );
    pg.startReplica();
    await new Promise((r) => setTimeout(r, 1000));
    await kit.report('debriefs-by-category', november);
    expect(kit.app.app.get(ReportDatabase).state).toMatchObject({ using: 'replica' });
  });
});
