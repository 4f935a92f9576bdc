import { EscalationService } from '../../core/src/cases/escalation.service.js';
import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';

const NOTHING_DECLARED = {
  declarationType: 'annual',
  grade: 'EO',
  team: 'dover-tourist-controls-team-1',
  lineManager: 'Alex Jones',
  lineManagerEmail: 'alex.jones@example.gov.uk',
  securityClearance: false,
  sponsorship: false,
  otherEmployment: false,
  criminality: false,
  personalFinance: false,
  businessInterests: false,
  confirmation: ['confirmed'],
};
const ONE_YES = {
  ...NOTHING_DECLARED,
  otherEmployment: true,
  otherEmploymentDetails: 'Weekend work as a sports coach.',
};

/** Reads server-sent events from a streaming fetch until `count` arrive or the time runs out. */
async function collectEvents(
  url: string,
  count: number,
  timeoutMs: number,
  ready: () => void,
): Promise<Record<string, unknown>[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: Record<string, unknown>[] = [];
  try {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    ready();
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data && frame.includes('event: notification'))
          events.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
      }
    }
  } catch (error: unknown) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('SLA escalation with two core instances', () => {
  let databaseUrl: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    a = await startTestApp({ databaseUrl, env: { ESCALATION_INTERVAL_MS: '3600000' } });
    b = await startTestApp({ databaseUrl, env: { ESCALATION_INTERVAL_MS: '3600000' } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('routes a declaration with a "yes" to line-manager review and escalates each overdue task exactly once', async () => {
    const officer = await signIn(a, 'officer');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${a.url}/api/plugins/mandatory-declaration/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({ answers: ONE_YES }),
      });
      const body = (await res.json()) as { id: string; state: string; tasks: { priority: string }[]; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(res.status).toBe(201);
      expect(body.state).toBe('line-manager-review');
      expect(body.tasks[0]!.priority).toBe('medium');
      ids.push(body.id);
    }
    await a.sql("UPDATE core.task SET due_at = now() - interval '1 hour' WHERE case_id = ANY($1::uuid[])", [ids]);

    // The manager is connected to instance B; both instances escalate at the same moment.
    const token = (await signIn(b, 'manager')).authorization!.slice(7);
    let connected!: () => void;
    const isConnected = new Promise<void>((r) => (connected = r));
    const live = collectEvents(`${b.url}/api/notifications/stream?access_token=${token}`, 6, 5000, connected);
    await isConnected;
    await new Promise((r) => setTimeout(r, 100));
    const [byA, byB] = await Promise.all([a.app.get(EscalationService).tick(), b.app.get(EscalationService).tick()]);
    expect(byA + byB).toBe(6);
    expect(await a.app.get(EscalationService).tick()).toBe(0);

    const tasks = await a.sql<{ priority: string; escalated: boolean }>(
      'SELECT priority, escalated_at IS NOT NULL AS escalated FROM core.task WHERE case_id = ANY($1::uuid[])',
      [ids],
    );
    expect(tasks).toEqual(Array.from({ length: 6 }, () => ({ priority: 'high', escalated: true })));
    const audit = await a.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM core.audit WHERE action = 'task.escalated'",
    );
    expect(audit[0]!.n).toBe(6);
    const inbox = await a.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM core.notification n JOIN core.app_user u ON u.id = n.user_id WHERE u.username = 'manager' AND n.kind = 'task.overdue'",
    );
    expect(inbox[0]!.n).toBe(6);

    const events = await live;
    expect(events).toHaveLength(6);
    expect(events[0]).toMatchObject({ kind: 'task.overdue', title: 'Overdue: Review mandatory declaration' });
  });

  it('records a declaration with nothing to declare without a review', async () => {
    const officer = await signIn(a, 'officer2');
    const res = await fetch(`${a.url}/api/plugins/mandatory-declaration/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ answers: NOTHING_DECLARED }),
    });
    const body = (await res.json()) as { state: string; tasks: unknown[]; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.state).toBe('recorded');
    expect(body.tasks).toEqual([]);
  });
});
