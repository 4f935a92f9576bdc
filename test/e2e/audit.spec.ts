import { spawnSync } from 'node:child_process';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const answers = {
  category: 'equipment',
  occurredAt: '2026-11-20T09:15',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Ion scanner gave repeated false alarms.',
  actionNeeded: false,
};

describe('audit trail', () => {
  let app: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signIn(app, 'admin');
    const officer = await signIn(app, 'officer');
    const manager = await signIn(app, 'manager');
    for (let i = 0; i < 3; i++) {
      const created = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
      const { id } = (await created.json()) as { id: string };
      await fetch(`${app.url}/api/cases/${id}`, { headers: manager });
      await fetch(`${app.url}/api/cases/${id}/actions/review`, {
        method: 'POST',
        headers: { ...manager, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1 }),
      });
    }
  });
  afterAll(async () => app?.close());

  const verify = async () =>
    (await (await fetch(`${app.url}/api/audit/verify`, { headers: admin })).json()) as Record<string, any>;
  const cli = () =>
    spawnSync('node', ['--import', '@swc-node/register/esm-register', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl },
      encoding: 'utf8',
    });

  it('records every write and every view, with who and what changed', async () => {
    const rows = await app.sql<{ action: string; actor: string }>('SELECT action, actor FROM core.audit ORDER BY id');
    expect(rows.filter((r) => r.action === 'case.created')).toHaveLength(3);
    expect(rows.filter((r) => r.action === 'case.viewed' && r.actor === 'manager')).toHaveLength(3);
    const moved = await app.sql<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM core.audit WHERE action = 'case.transitioned' LIMIT 1",
    );
    expect(moved[0]!.detail).toMatchObject({ before: { state: 'submitted' }, after: { state: 'reviewed' } });
  });

  it("shows a case's audit trail to managers only: who, when, from where, before and after, officers named", async () => {
    const officer = await signIn(app, 'officer');
    const manager = await signIn(app, 'manager');
    const created = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    const view = (await created.json()) as { id: string; tasks: { id: string }[] };
    const claimed = await fetch(`${app.url}/api/tasks/${view.tasks[0]!.id}/claim`, {
      method: 'POST',
      headers: manager,
    });
    expect(claimed.status).toBe(200);
    expect((await fetch(`${app.url}/api/cases/${view.id}/audit`, { headers: officer })).status).toBe(403);
    const response = await fetch(`${app.url}/api/cases/${view.id}/audit`, { headers: manager });
    expect(response.status).toBe(200);
    const { entries: trail } = (await response.json()) as {
      entries: { action: string; actor: string; ip: string | null; before: any; after: any }[];
    };
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['case.created', 'officer'],
      ['task.claimed', 'manager'],
    ]);
    expect(trail[0]!.after).toMatchObject({ category: 'equipment', port: 'dover' });
    expect(trail[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(trail[1]).toMatchObject({ before: { assignee: null }, after: { assignee: 'Morgan Manager (manager)' } });
    // Reading the trail is recorded too.
    const read = await app.sql<{ actor: string }>(
      "SELECT actor FROM core.audit WHERE action = 'case.audit-viewed' AND case_id = $1",
      [view.id],
    );
    expect(read).toEqual([{ actor: 'manager' }]);
  });

  it('is intact when nobody tampered, through the API and `npm run audit:verify`', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, unsealed: 0 });
    expect(report.checked).toBeGreaterThanOrEqual(9);
    const run = cli();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/audit chain intact: \d+ sealed entries checked/);
  });

  it('refuses updates and deletes through SQL', async () => {
    await expect(
      app.sql("UPDATE core.audit SET actor = 'someone-else' WHERE id = (SELECT min(id) FROM core.audit)"),
    ).rejects.toThrow('the audit log is append-only');
    await expect(app.sql('DELETE FROM core.audit WHERE id = (SELECT min(id) FROM core.audit)')).rejects.toThrow(
      'the audit log is append-only',
    );
  });

  it('refuses changes to the seals too', async () => {
    await expect(app.sql('DELETE FROM core.audit_seal WHERE chain_seq = 1')).rejects.toThrow(
      'the audit log is append-only',
    );
  });

  it('finds a deleted entry, then an edited one, when the triggers are bypassed', async () => {
    const [victim] = await app.sql<{ id: string; chain_seq: string }>(
      'SELECT audit_id AS id, chain_seq FROM core.audit_seal ORDER BY chain_seq OFFSET 4 LIMIT 1',
    );
    await app.sql(
      `SET session_replication_role = replica; DELETE FROM core.audit WHERE id = ${Number(victim!.id)}; SET session_replication_role = origin;`,
    );
    let report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({
      chainSeq: Number(victim!.chain_seq),
      reason: 'this entry was removed',
    });

    const [edited] = await app.sql<{ id: string }>(
      'SELECT audit_id AS id FROM core.audit_seal ORDER BY chain_seq LIMIT 1 OFFSET 1',
    );
    await app.sql(
      `SET session_replication_role = replica; UPDATE core.audit SET actor = 'mallory' WHERE id = ${Number(edited!.id)}; SET session_replication_role = origin;`,
    );
    report = await verify();
    expect(report.firstBroken).toEqual({
      chainSeq: 2,
      id: Number(edited!.id),
      reason: 'this entry was changed after it was written',
    });
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('audit chain BROKEN at chain position 2');
  });
});
