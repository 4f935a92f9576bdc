import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall, runReportPdf, submitCase } from '../utils/reports.js';

type Auth = Record<string, string>;

const debrief = (overrides: Record<string, unknown> = {}) => ({
  category: 'safety',
  occurredAt: '2026-10-31T23:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: true,
  actionDetails: 'Engineers to check the barrier.',
  ...overrides,
});

/**
 * The core keeps each plugin's read model (its start form's fields marked for reporting, plus
 * reference, state, owning team and times) in the transaction of every change to a case, and
 * its surface views show only the cases in the report's scope.
 */
describe('read model', () => {
  let app: TestApp;
  let officer: Auth;
  let manager: Auth;

  beforeAll(async () => {
    app = await startTestApp();
    [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);
  });
  afterAll(async () => app?.close());

  const readCase = async (caseId: string) =>
    (await app.sql('SELECT * FROM plugin_hot_debrief.read_case WHERE case_id = $1', [caseId]))[0];

  it('writes the reported answers, typed, with the case in the submission', async () => {
    const created = await submitCase(app, officer, 'hot-debrief', debrief(), 'safety');
    expect(await readCase(created.id)).toEqual({
      case_id: created.id,
      reference: created.businessKey,
      state: 'submitted',
      owner_team: 'dover-tourist-controls-team-1',
      submitted_by: expect.any(String),
      submitted_at: expect.any(Date),
      updated_at: expect.any(Date),
      // 23:30 on 31 October is UK winter time (GMT): the same instant in UTC.
      at: new Date('2026-10-31T23:30:00Z'),
      category: 'safety',
      occurred_at: new Date('2026-10-31T23:30:00Z'),
      port: 'dover',
      team: 'dover-tourist-controls-team-1',
      action_needed: true,
    });
    // Answers not marked for reporting stay on the case only.
    expect(Object.keys((await readCase(created.id))!)).not.toContain('description');
  });

  it('follows a workflow action in its transaction, and the next report run shows it', async () => {
    const runReport = async (file: string) =>
      (
        await runReportPdf(
          app,
          manager,
          'hot-debrief.debriefs-by-category',
          { from: '2026-09-01', to: '2026-09-30' },
          `test-output/read-model/${file}.pdf`,
        )
      ).text;
    const created = await submitCase(
      app,
      officer,
      'hot-debrief',
      debrief({ category: 'training', occurredAt: '2026-09-10T10:00' }),
      'training',
    );
    expect(await runReport('before')).toMatch(/Training\s+1\s+1\s+0/);
    const reviewed = await apiCall(app, 'POST', `/api/cases/${created.id}/actions/review`, manager, { version: 1 });
    expect(reviewed.status).toBe(200);
    expect((await readCase(created.id))!.state).toBe('reviewed');
    expect(await runReport('after')).toMatch(/Training\s+1\s+1\s+1/);
  });

  it('refuses a failed action whole: the read model keeps the state the case keeps', async () => {
    const created = await submitCase(app, officer, 'hot-debrief', debrief(), 'conflict');
    const stale = await apiCall(app, 'POST', `/api/cases/${created.id}/actions/review`, manager, { version: 7 });
    expect(stale.status).toBe(409);
    expect((await readCase(created.id))!.state).toBe('submitted');
  });

  it('shows nothing through its surface views without a scope, and only the scope’s cases with one', async () => {
    const client = await app.boot.dataSource.createQueryRunner();
    await client.connect();
    try {
      await client.startTransaction();
      const count = async () =>
        Number(((await client.query('SELECT count(*) AS n FROM plugin_hot_debrief.case_v1')) as { n: string }[])[0]!.n);
      expect(await count()).toBe(0);
      await client.query("SELECT set_config('cop.scope_teams', '{heathrow-t2-arrivals-red-team}', true)");
      expect(await count()).toBe(0);
      await client.query("SELECT set_config('cop.scope_teams', '{dover-tourist-controls-team-1}', true)");
      const all = Number(
        (await app.sql<{ n: string }>('SELECT count(*) AS n FROM plugin_hot_debrief.read_case'))[0]!.n,
      );
      expect(all).toBeGreaterThan(0);
      expect(await count()).toBe(all);
      await client.query("SELECT set_config('cop.scope_all', 'on', true)");
      expect(await count()).toBe(all);
      const labels = (await client.query(
        "SELECT label FROM plugin_hot_debrief.reference_v1 WHERE set_id = 'ports' AND id = 'dover'",
      )) as { label: string }[];
      expect(labels).toEqual([{ label: 'Port of Dover' }]);
      await client.rollbackTransaction();
    } finally {
      await client.release();
    }
  });

  it('is rebuilt from the cases when its shape is not the one built', async () => {
    const before = await app.sql<{ case_id: string; state: string }>(
      'SELECT case_id, state FROM plugin_hot_debrief.read_case ORDER BY case_id',
    );
    await app.sql("UPDATE core.read_model SET shape_hash = 'old' WHERE plugin_id = 'hot-debrief'");
    await app.sql('DELETE FROM plugin_hot_debrief.read_case');
    const again = await startTestApp({ databaseUrl: app.databaseUrl });
    try {
      const after = await again.sql<{ case_id: string; state: string }>(
        'SELECT case_id, state FROM plugin_hot_debrief.read_case ORDER BY case_id',
      );
      expect(after).toEqual(before);
      const [built] = await again.sql<{ shape_hash: string; cases: number }>(
        "SELECT shape_hash, cases FROM core.read_model WHERE plugin_id = 'hot-debrief'",
      );
      expect(built!.shape_hash).not.toBe('old');
      expect(built!.cases).toBe(before.length);
    } finally {
      await again.close();
    }
  });
});
