import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

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

/** An entry of a case's audit trail as officers read it, `before` and `after` lifted out of the detail. */
export interface CaseAuditRow {
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  detail: Record<string, unknown>;
}

/** A step of a case's timeline (what happened to it, without the answers written). */
export interface TimelineRow {
  at: Date;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** The audit log: entries appended in the transaction of what they record. Nothing here updates or deletes. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends the entries in the caller's transaction, or on their own when `manager` is undefined. */
  append(manager: EntityManager | undefined, entries: AuditEntry[]): Promise<void> {
    return appendAudit(manager ?? this.dataSource.manager, entries);
  }

  /**
   * The static form, for code that does not have the repository injected yet (the reports
   * module, repositories that write an entry with their own change).
   */
  static append(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    return appendAudit(manager, entries);
  }

  /** Every entry about the case, oldest first. */
  async forCase(caseId: string): Promise<CaseAuditRow[]> {
    return (await this.dataSource.query(
      `SELECT at, actor, action, entity_type AS "entityType", entity_id AS "entityId", ip,
              detail -> 'before' AS before, detail -> 'after' AS after, detail - 'before' - 'after' AS detail
         FROM core.audit WHERE case_id = $1 ORDER BY id`,
      [caseId],
    )) as CaseAuditRow[];
  }

  /** What happened to the case, oldest first: its entries without views and without the answers written. */
  async timeline(caseId: string): Promise<TimelineRow[]> {
    return (await this.dataSource.query(
      `SELECT at, actor, action, detail - 'after' AS detail FROM core.audit
        WHERE case_id = $1 AND action NOT IN ('case.viewed', 'case.audit-viewed') ORDER BY id`,
      [caseId],
    )) as TimelineRow[];
  }
}

async function appendAudit(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
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
