import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { NotificationHub } from '../../core/src/notifications/notification-hub.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { SseClient } from '../utils/sse.js';

// A live-notification client that stops reading is closed once it holds SSE_MAX_BUFFERED_BYTES
// unsent (core/src/notifications/notification-hub.ts); one that reads gets everything.
describe('live notifications: a client that does not read', () => {
  const LIMIT = 256 * 1024;
  let app: TestApp;
  let hub: NotificationHub;
  beforeAll(async () => {
    app = await startTestApp({ env: { SSE_MAX_BUFFERED_BYTES: String(LIMIT) } });
    hub = app.app.get(NotificationHub);
  });
  afterAll(async () => app?.close());

  const waitUntil = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('is disconnected with a logged reason while a reading client gets every notification', async () => {
    const token = (await signIn(app, 'officer')).authorization!.slice('Bearer '.length);
    const [officer] = await app.sql<{ id: string }>("SELECT id FROM core.app_user WHERE username = 'officer'");
    const port = new URL(app.url).port;
    // The slow client: asks for the stream, then never reads a byte.
    const slow: Socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => slow.once('connect', resolve));
    slow.pause();
    slow.write(`GET /api/notifications/stream?access_token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const reader = await SseClient.connect(`${app.url}/api/notifications/stream?access_token=${token}`);
    await waitUntil(() => hub.size === 2, 'both streams');

    // 18 MB of notifications in 100 batches of 180 kB, each under the limit: far more than the
    // socket buffers hold. The reading client takes each batch before the next is sent.
    const body = 'x'.repeat(60_000);
    for (let batch = 0; batch < 100; batch++) {
      const batchId = randomUUID();
      await app.sql(
        `INSERT INTO core.notification (user_id, kind, title, body, batch_id)
         SELECT $1, 'test', 'Notification ' || n, $2, $3 FROM generate_series(1, 3) n`,
        [officer!.id, body, batchId],
      );
      await app.sql('SELECT pg_notify($1, $2)', ['cop_notifications', batchId]);
      await reader.waitFor(3 * (batch + 1), 10_000);
    }
    expect(hub.droppedSlowClients).toBe(1);
    expect(hub.size).toBe(1);
    reader.close();
    await waitUntil(() => hub.size === 0, 'the reader to close');
    slow.destroy();
    expect(reader.events).toHaveLength(300);
  }, 60_000);
});
