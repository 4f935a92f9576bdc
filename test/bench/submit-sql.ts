/**
 * The SQL of one submission, exactly as the core runs it: BEGIN, the one-statement case insert
 * (case row with its business key from the shared sequence, term rows, first task, audit
 * entry, case event — the core's own INSERT_CASE statement, prepared as the core prepares it),
 * the plugin's read model row (the core's own sync statement for the plugin, prepared under the
 * core's name for it; hot debrief has no submit hook, so nothing else), COMMIT.
 * The baselines run this; the core's full path adds HTTP, auth, validation and the framework.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { INSERT_CASE } from '../../core/src/cases/case-insert.sql.js';
import type { FormDefinition } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { syncSql } from '../../core/src/read-model/read-model.sql.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';

export const BENCH_ANSWERS = {
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: false,
};

const TASKS = JSON.stringify([
  {
    title: 'Review hot debrief',
    teamId: 'dover-tourist-controls-team-1',
    role: 'manager',
    priority: 'medium',
    rank: 2,
    dueAt: new Date(Date.now() + 2 * 86400_000),
    escalation: null,
  },
]);

const form = JSON.parse(
  readFileSync(new URL('../../plugins/hot-debrief/forms/hot-debrief.form.json', import.meta.url), 'utf8'),
) as FormDefinition;
const readModel = readModelOf('hot-debrief', form, standardTerms)!;
/** As core/src/read-model/read-model.repository.ts prepares it. */
const SYNC_READ_MODEL = { name: `cop_rm_${readModel.schema}_${readModel.shapeHash}`, text: syncSql(readModel) };

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
  await client.query('BEGIN');
  try {
    const created = await client.query<{ id: string }>({
      name: INSERT_CASE.name,
      text: INSERT_CASE.text,
      values: [
        `BENCH-${day.replace(/-/g, '')}-`,
        'hot-debrief',
        'hot-debrief',
        1,
        JSON.stringify(BENCH_ANSWERS),
        'submitted',
        'dover-tourist-controls-team-1',
        userId,
        null,
        dayBase.base,
        ['location.port', 'staff.team'],
        ['port', 'team'],
        ['dover', 'dover-tourist-controls-team-1'],
        ['DOVER', 'dover-tourist-controls-team-1'],
        TASKS,
        'bench',
        '127.0.0.1',
        JSON.stringify({
          pluginId: 'hot-debrief',
          formId: 'hot-debrief',
          formVersion: 1,
          state: 'submitted',
          after: BENCH_ANSWERS,
        }),
        null,
        null,
      ],
    });
    await client.query({ ...SYNC_READ_MODEL, values: [created.rows[0]!.id] });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
