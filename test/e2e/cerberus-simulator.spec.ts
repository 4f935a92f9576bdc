import { CerberusSimulator, signature256, type SimulatorMode } from '../cerberus-sim/simulator.js';

const SECRET = 'simulator-test-secret-dddddddddddddddddddddd';

/** The simulator's own contract: modes, `down` without losing control or counts. */
describe('Cerberus simulator', () => {
  let sim: CerberusSimulator;
  let base: string;

  const postOutcome = (key: string) => {
    const body = JSON.stringify({ targetId: 'CAB-20261126-1', outcome: 'negative' });
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(sim.outcomeUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        'x-cerberus-timestamp': String(timestamp),
        'x-cerberus-signature': signature256(SECRET, timestamp, body),
      },
      body,
    });
  };
  const control = async (mode: unknown) => {
    const response = await fetch(`${base}/control`, { method: 'POST', body: JSON.stringify({ mode }) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const received = async () => (await (await fetch(`${base}/received`)).json()) as Record<string, unknown>;

  beforeAll(async () => {
    sim = new CerberusSimulator({ secret: SECRET });
    // As `--mode down` does: the mode is set before start, and start keeps it.
    sim.setMode('down');
    await sim.start();
    base = sim.outcomeUrl.replace(/\/outcomes$/, '');
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('starts down when told to: outcomes go unanswered like an unreachable host, control still answers', async () => {
    expect(sim.mode).toBe('down');
    await expect(postOutcome('outcome:BF-1:1')).rejects.toThrow();
    expect(sim.dropped).toBe(1);
    expect(await received()).toMatchObject({ mode: 'down', processed: 0, dropped: 1 });
  });

  it('comes back through /control, keeps what it received while going down and up again', async () => {
    expect(await control('ok')).toEqual({ status: 200, body: { mode: 'ok' } });
    expect((await postOutcome('outcome:BF-1:1')).status).toBe(201);
    expect((await postOutcome('outcome:BF-1:1')).status).toBe(200);

    expect(await control('down')).toEqual({ status: 200, body: { mode: 'down' } });
    await expect(postOutcome('outcome:BF-2:1')).rejects.toThrow();
    // Control and the counts survive "down".
    expect(await received()).toMatchObject({ mode: 'down', processed: 1, repeats: 1 });

    expect(await control('ok')).toEqual({ status: 200, body: { mode: 'ok' } });
    expect((await postOutcome('outcome:BF-2:1')).status).toBe(201);
    expect(await received()).toMatchObject({ processed: 2, repeats: 1 });
  });

  it('refuses modes it does not know', async () => {
    expect((await control('sideways' as SimulatorMode)).status).toBe(400);
    const bad = await fetch(`${base}/control`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(sim.mode).toBe('ok');
  });
});
