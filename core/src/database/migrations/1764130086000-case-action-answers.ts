import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answers of a case's workflow actions, merged (a later action's answer to a field wins), so
 * that what the core derives from a case (its read model) comes from the case row alone and can
 * be rebuilt at any time. Existing cases get theirs from the audit trail, oldest action first.
 */
export class CaseActionAnswers1764130086000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.case ADD COLUMN action_answers jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`
      WITH RECURSIVE actions AS (
        SELECT a.case_id, a.detail->'answers' AS answers, row_number() OVER (PARTITION BY a.case_id ORDER BY a.id) AS n
          FROM core.audit a
         WHERE a.action = 'case.transitioned' AND jsonb_typeof(a.detail->'answers') = 'object' AND a.case_id IS NOT NULL
      ), merged AS (
        SELECT case_id, answers AS merged, n FROM actions WHERE n = 1
        UNION ALL
        SELECT m.case_id, m.merged || a.answers, a.n FROM merged m JOIN actions a ON a.case_id = m.case_id AND a.n = m.n + 1
      ), latest AS (
        SELECT DISTINCT ON (case_id) case_id, merged FROM merged ORDER BY case_id, n DESC
      )
      UPDATE core.case c SET action_answers = latest.merged FROM latest WHERE latest.case_id = c.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE core.case DROP COLUMN action_answers');
  }
}
