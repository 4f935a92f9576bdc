import { randomUUID } from 'node:crypto';
import { ReportSchedulesService } from '../../core/src/reports/report-schedules.service.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { SseClient } from '../utils/sse.js';

// Two instances on one PostgreSQL. Instance B's LISTEN connection is ended by the server
// (pg_terminate_backend); while it reconnects, A disables a plugin, changes a report schedule
// and notifies an officer. Those announcements never reach B: after reconnecting, B catches up
// from the database (core/src/database/pg-events.ts) and is not left stale.
describe('events between instances after the listener reconnects', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({
      databaseUrl: a.databaseUrl,
      env: {
        AUTH_TOKEN_SECRET: a.boot.tokenSecrets.join(','),
        AUDIT_SEAL_KEYS: a.boot.config.AUDIT_SEAL_KEYS.join(','),
      },
    });
  });
  let live: SseClient | undefined;
  afterAll(async () => {
    live?.close();
    await b?.close();
    await a?.close();
  });

  const call = async (app: TestApp, method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const enabledOn = async (app: TestApp, auth: Record<string, string>) =>
    ((await call(app, 'GET', '/api/plugins', auth)).body.plugins as { id: string }[]).map((p) => p.id);

  it('shows on B a plugin disabled, a schedule changed and a notification sent while B was not listening', async () => {
    const [admin, manager, officer] = await Promise.all([
      signIn(a, 'admin'),
      signIn(a, 'manager'),
      signIn(b, 'officer'),
    ]);
    const [officerRow] = await a.sql<{ id: string }>("SELECT id FROM core.app_user WHERE username = 'officer'");
    live = await SseClient.connect(
      `${b.url}/api/notifications/stream?access_token=${officer.authorization!.slice('Bearer '.length)}`,
    );
    expect(await enabledOn(b, officer)).toContain('hot-debrief');
    const schedulesOnB = b.app.get(ReportSchedulesService);
    expect(schedulesOnB.activeCron('command-brief')).toBe('0 6 1 * *');

    // B waits 4 s before reconnecting, time enough for A's three announcements on a busy machine.
    b.boot.events.reconnectDelayMs = 4000;
    const [ended] = await a.sql<{ ended: boolean }>('SELECT pg_terminate_backend($1) AS ended', [
      b.boot.events.backendPid,
    ]);
    expect(ended).toEqual({ ended: true });

    // During the gap.
    expect((await call(a, 'POST', '/api/plugins/hot-debrief/disable', admin)).status).toBe(200);
    expect((await call(a, 'PUT', '/api/reports/command-brief/schedule', manager, { cron: '30 7 2 * *' })).status).toBe(
      200,
    );
    const batchId = randomUUID();
    await a.sql(
      `INSERT INTO core.notification (user_id, kind, title, body, batch_id) VALUES ($1, 'test', 'Sent in the gap', 'x', $2)`,
      [officerRow!.id, batchId],
    );
    await a.sql('SELECT pg_notify($1, $2)', ['cop_notifications', batchId]);
    // All of it was announced before B listened again: B heard none of it.
    expect(b.boot.events.reconnects).toBe(0);
    expect(await enabledOn(b, officer)).toContain('hot-debrief');

    await until(() => b.boot.events.reconnects === 1, 'B to reconnect');
    await until(async () => !(await enabledOn(b, officer)).includes('hot-debrief'), 'the plugin disabled on B');
    expect((await call(b, 'POST', '/api/plugins/hot-debrief/cases', officer, { answers: {} })).status).toBe(404);
    expect(schedulesOnB.activeCron('command-brief')).toBe('30 7 2 * *');
    const [event] = await live.waitFor(1);
    expect(event).toMatchObject({ title: 'Sent in the gap' });

    // B hears the next announcement as before.
    expect((await call(a, 'POST', '/api/plugins/hot-debrief/enable', admin)).status).toBe(200);
    await until(async () => (await enabledOn(b, officer)).includes('hot-debrief'), 'the plugin enabled on B');
  });
});
