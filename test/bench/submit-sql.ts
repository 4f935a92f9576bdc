/**
 * The SQL of one submission, as the core runs it: one transaction with the case row (its
 * business key from the shared sequence), its term index rows, a task, an audit entry and an outbox event. The
 * baselines run exactly this; the core's full path adds HTTP, auth, validation and the plugin hook.
 */
import type pg from 'pg';

export const BENCH_ANSWERS = {
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: false,
};

let dayBase: { day: string; base: number } | undefined;

export async function runSubmissionSql(client: pg.PoolClient | pg.Client, userId: string): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  if (dayBase?.day !== day) {
    await client.query(
      `INSERT INTO core.case_key_day (day, base) SELECT $1, nextval('core.case_key_seq') - 1 ON CONFLICT (day) DO NOTHING`,
      [day],
    );
    const row = await client.query<{ base: string }>('SELECT base FROM core.case_key_day WHERE day = $1', [day]);
    dayBase = { day, base: Number(row.rows[0]!.base) };
  }
  const prefix = `BENCH-${day.replace(/-/g, '')}-`;
  await client.query('BEGIN');
  try {
    const created = await client.query<{ id: string; business_key: string }>(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
       VALUES ($1 || (nextval('core.case_key_seq') - $4::bigint), 'hot-debrief', 'hot-debrief', 1, $2, 'submitted', 'dover-tourist-controls-team-1', $3)
       RETURNING id, business_key`,
      [prefix, JSON.stringify(BENCH_ANSWERS), userId, dayBase.base],
    );
    const id = created.rows[0]!.id;
    const key = created.rows[0]!.business_key;
    await client.query(
      `INSERT INTO core.case_term (case_id, term, path, value, normalised) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        id,
        ['location.port', 'staff.team'],
        ['port', 'team'],
        ['dover', 'dover-tourist-controls-team-1'],
        ['DOVER', 'DOVER-TOURIST-CONTROLS-TEAM-1'],
      ],
    );
    await client.query(
      `INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, candidate_role, priority, priority_rank, due_at)
       VALUES ($1, 'hot-debrief', 'submitted', 'Review hot debrief', 'dover-tourist-controls-team-1', 'manager', 'medium', 2, now() + interval '2 days')`,
      [id],
    );
    await client.query(
      `INSERT INTO core.audit (actor_id, actor, action, entity_type, entity_id, case_id, detail) VALUES ($1, 'bench', 'case.created', 'case', $2::text, $2::uuid, $3)`,
      [userId, id, JSON.stringify({ businessKey: key, after: BENCH_ANSWERS })],
    );
    await client.query(`INSERT INTO core.outbox (topic, key, payload, case_id) VALUES ('case.submitted', $1, $2, $3)`, [
      `case.submitted:${id}`,
      JSON.stringify({ caseId: id, businessKey: key }),
      id,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
