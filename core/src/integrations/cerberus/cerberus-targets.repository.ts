import type { EntityManager } from 'typeorm';

/** Which version of each Cerberus target we hold, and its case. */
export class CerberusTargetsRepository {
  /** Claims a new target id; false if it is already known (the caller then locks and compares). */
  static async claim(manager: EntityManager, targetId: string, version: number): Promise<boolean> {
    const rows = (await manager.query(
      'INSERT INTO core.cerberus_target (target_id, version) VALUES ($1, $2) ON CONFLICT (target_id) DO NOTHING RETURNING target_id',
      [targetId, version],
    )) as unknown[];
    return rows.length === 1;
  }

  static async lock(
    manager: EntityManager,
    targetId: string,
  ): Promise<{ version: number; caseId: string } | undefined> {
    const rows = (await manager.query(
      'SELECT version, case_id AS "caseId" FROM core.cerberus_target WHERE target_id = $1 FOR UPDATE',
      [targetId],
    )) as { version: number; caseId: string }[];
    return rows[0];
  }

  static async record(manager: EntityManager, targetId: string, version: number, caseId: string): Promise<void> {
    await manager.query(
      'UPDATE core.cerberus_target SET version = $2, case_id = $3, updated_at = now() WHERE target_id = $1',
      [targetId, version, caseId],
    );
  }

  /** Replaces a case's answers (a newer target version) and its term index; returns the new case version. */
  static async replaceAnswers(
    manager: EntityManager,
    caseId: string,
    answers: Record<string, unknown>,
    terms: { term: string; path: string; value: string; normalised: string }[],
  ): Promise<number> {
    const rows = (await manager.query(
      'UPDATE core.case SET answers = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version',
      [caseId, JSON.stringify(answers)],
    )) as [{ version: number }[], number];
    await manager.query('DELETE FROM core.case_term WHERE case_id = $1', [caseId]);
    if (terms.length > 0) {
      await manager.query(
        `INSERT INTO core.case_term (case_id, term, path, value, normalised) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          caseId,
          terms.map((t) => t.term),
          terms.map((t) => t.path),
          terms.map((t) => t.value),
          terms.map((t) => t.normalised),
        ],
      );
    }
    return rows[0][0]!.version;
  }

  static async answersOf(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ answers: Record<string, unknown>; teamId: string | null; businessKey: string }> {
    const rows = (await manager.query(
      'SELECT answers, team_id AS "teamId", business_key AS "businessKey" FROM core.case WHERE id = $1',
      [caseId],
    )) as { answers: Record<string, unknown>; teamId: string | null; businessKey: string }[];
    return rows[0]!;
  }
}
