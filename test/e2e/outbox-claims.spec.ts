import { OutboxDeliveryRepository } from '../../core/src/integrations/outbox.repository.js';
import { startTestApp, type TestApp } from '../utils/app.js';

/**
 * A delivery's outcome belongs to the claim that made it. An instance frozen past its lease (its
 * event taken over by another instance, which delivers it) must not turn the event dead or due
 * again when it wakes and reports its own late failure; a late success still counts.
 */
describe('outbox claims', () => {
  let app: TestApp;
  let outbox: OutboxDeliveryRepository;
  const TOPIC = 'claims.test';

  beforeAll(async () => {
    // No channel delivers this topic, so only the spec claims and settles its events.
    app = await startTestApp();
    outbox = app.app.get(OutboxDeliveryRepository);
  });
  afterAll(async () => app?.close());

  const record = async (key: string) => {
    const [row] = await app.sql<{ id: string }>(
      `INSERT INTO core.outbox (topic, key, payload) VALUES ($1, $2, '{}') RETURNING id::text`,
      [TOPIC, key],
    );
    return row!.id;
  };
  const state = async (id: string) =>
    (
      await app.sql<{ status: string; attempts: number }>('SELECT status, attempts FROM core.outbox WHERE id = $1', [
        id,
      ])
    )[0];
  /** The lease A took runs out (A is frozen past it). */
  const leaseEnds = (id: string) =>
    app.sql('UPDATE core.outbox SET available_at = now(), leased_until = now() WHERE id = $1', [id]);

  it('ignores the late failure of a claim another instance took over and delivered', async () => {
    const id = await record('a');
    const [a] = await outbox.claim([TOPIC], 10, 60_000);
    expect(a).toMatchObject({ id, attempts: 1 });
    await leaseEnds(id);
    const [b] = await outbox.claim([TOPIC], 10, 60_000);
    expect(b).toMatchObject({ id, attempts: 2 });
    expect(await outbox.delivered(id)).toBe(true);
    // A wakes up and reports its timeout as final (dead) and as a retry: neither applies.
    expect(await outbox.failed(id, a!.attempts, 'timeout', null)).toBe(false);
    expect(await outbox.failed(id, a!.attempts, 'timeout', 1000)).toBe(false);
    expect(await state(id)).toEqual({ status: 'delivered', attempts: 2 });
  });

  it('ignores the late failure of a claim another instance holds now, and applies the current claim’s', async () => {
    const id = await record('b');
    const [a] = await outbox.claim([TOPIC], 10, 60_000);
    await leaseEnds(id);
    const [b] = await outbox.claim([TOPIC], 10, 60_000);
    expect(await outbox.failed(id, a!.attempts, 'timeout', null)).toBe(false);
    expect(await state(id)).toEqual({ status: 'pending', attempts: 2 });
    expect(await outbox.failed(id, b!.attempts, 'refused', null)).toBe(true);
    expect(await state(id)).toEqual({ status: 'dead', attempts: 2 });
  });

  it('keeps a late success: the event was delivered, whoever else is trying', async () => {
    const id = await record('c');
    await outbox.claim([TOPIC], 10, 60_000);
    await leaseEnds(id);
    const [b] = await outbox.claim([TOPIC], 10, 60_000);
    expect(await outbox.failed(id, b!.attempts, 'refused', null)).toBe(true); // B gave up
    expect(await outbox.delivered(id)).toBe(true); // A's answer arrives: it got through
    expect(await state(id)).toEqual({ status: 'delivered', attempts: 2 });
    expect(await outbox.delivered(id)).toBe(false);
  });
});
