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
}
