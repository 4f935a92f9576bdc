import type { EntityManager } from 'typeorm';

/** One audit entry: who did what to which thing, from where, with before/after where it changed. */
export interface AuditEntry {
  actorId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  caseId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends audit entries inside the caller's transaction. Nothing here updates or deletes. */
export class AuditRepository {
  static async append(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(
        e.actorId,
        e.actor,
        e.action,
        e.entityType,
        e.entityId,
        e.caseId ?? null,
        e.ip ?? null,
        JSON.stringify(e.detail ?? {}),
      );
      const o = i * 8;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}, $${o + 8})`;
    });
    await manager.query(
      `INSERT INTO core.audit (actor_id, actor, action, entity_type, entity_id, case_id, ip, detail) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
