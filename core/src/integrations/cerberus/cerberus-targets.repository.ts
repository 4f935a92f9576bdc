import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The inbound message a target arrives as; the plugin whose manifest `receives` it files it. */
export const CERBERUS_TARGET_MESSAGE = 'cerberus.target';

/** Which version of each Cerberus target we hold, and its case; every statement runs in the caller's transaction. */
@Injectable()
export class CerberusTargetsRepository {
  /** Claims a new target id; false if it is already known (the caller then locks and compares). */
  async claim(manager: EntityManager, targetId: string, version: number): Promise<boolean> {
    const rows = (await manager.query(
      'INSERT INTO core.cerberus_target (target_id, version) VALUES ($1, $2) ON CONFLICT (target_id) DO NOTHING RETURNING target_id',
      [targetId, version],
    )) as unknown[];
    return rows.length === 1;
  }

  async lock(manager: EntityManager, targetId: string): Promise<{ version: number; caseId: string } | undefined> {
    const rows = (await manager.query(
      'SELECT version, case_id AS "caseId" FROM core.cerberus_target WHERE target_id = $1 FOR UPDATE',
      [targetId],
    )) as { version: number; caseId: string }[];
    return rows[0];
  }

  async record(manager: EntityManager, targetId: string, version: number, caseId: string): Promise<void> {
    await manager.query(
      'UPDATE core.cerberus_target SET version = $2, case_id = $3, updated_at = now() WHERE target_id = $1',
      [targetId, version, caseId],
    );
  }

  /** The case a received target was filed as (exact target id). */
  async caseOf(manager: EntityManager, targetId: string): Promise<string | undefined> {
    const rows = (await manager.query(
      'SELECT case_id AS "caseId" FROM core.cerberus_target WHERE target_id = $1 AND case_id IS NOT NULL',
      [targetId],
    )) as { caseId: string }[];
    return rows[0]?.caseId;
  }

  /**
   * Gives a case to another team with the open tasks its old team held (claims released, since
   * the claimant is no longer in the owning team); tasks of other teams stay. Returns the tasks moved.
   */
  async moveToTeam(manager: EntityManager, caseId: string, fromTeam: string | null, toTeam: string): Promise<number> {
    await manager.query('UPDATE core.case SET team_id = $2, assignee_id = NULL WHERE id = $1', [caseId, toTeam]);
    const [, moved] = (await manager.query(
      `UPDATE core.task SET team_id = $3, assignee_id = NULL
        WHERE case_id = $1 AND status = 'open' AND team_id IS NOT DISTINCT FROM $2`,
      [caseId, fromTeam, toTeam],
    )) as [unknown, number];
    return moved;
  }
}
