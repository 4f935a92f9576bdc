import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccessScope } from '../identity/access.js';
import { CASE_COLUMNS, type CaseListFilter, type CaseRecord, type TermRow } from './case.types.js';
import { visibleCasePredicate } from './visibility.js';
import { queryPrepared } from '../database/prepared.js';
import { INSERT_CASE } from './case-insert.sql.js';
import { PRIORITY_RANK, type NewTask, type TaskRecord } from './task.types.js';

export interface NewCase {
  /** The key is `keyPrefix` + (next value of core.case_key_seq − `keyBase`), made in the INSERT. */
  keyPrefix: string;
  keyBase: number;
  /** A key reserved for the case's draft (a form with `caseReference`), taken instead of a new one. */
  businessKey?: string;
  pluginId: string;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  state: string;
  teamId: string | null;
  createdBy: string;
  idempotencyKey: string | null;
  /** What the keyed request asked for (idempotency.ts), to tell a repeat from a reuse of its key. */
  idempotencyFingerprint?: string | null;
}

/** A task row as the case insert returns it. */
type CreatedTask = Omit<
  TaskRecord,
  | 'caseId'
  | 'businessKey'
  | 'pluginId'
  | 'caseState'
  | 'stateId'
  | 'status'
  | 'assigneeId'
  | 'assigneeName'
  | 'completedAt'
>;

/**
 * Cases, their indexed term values, links, comments and business-key days. Statements of a
 * caller's transaction take its EntityManager first (core/src/database/transactions.ts).
 */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the case with its term rows, first tasks, audit entry and case event in one round
   * trip; returns the stored key, timestamps and tasks.
   */
  async insertWithIndex(
    manager: EntityManager,
    c: NewCase,
    terms: TermRow[],
    tasks: Omit<NewTask, 'caseId'>[],
    audit: { actor: string; ip: string | null; detail: Record<string, unknown> },
  ): Promise<{ id: string; businessKey: string; createdAt: Date; updatedAt: Date; tasks: TaskRecord[] }> {
    const rows = await queryPrepared<{
      id: string;
      businessKey: string;
      createdAt: Date;
      updatedAt: Date;
      tasks: CreatedTask[];
    }>(manager, INSERT_CASE, [
      c.keyPrefix,
      c.pluginId,
      c.formId,
      c.formVersion,
      JSON.stringify(c.answers),
      c.state,
      c.teamId,
      c.createdBy,
      c.idempotencyKey,
      c.keyBase,
      terms.map((t) => t.term),
      terms.map((t) => t.path),
      terms.map((t) => t.value),
      terms.map((t) => t.normalised),
      JSON.stringify(
        tasks.map((t) => ({
          title: t.title,
          teamId: t.teamId,
          role: t.candidateRole,
          exceptRoles: t.exceptRoles,
          priority: t.priority,
          rank: PRIORITY_RANK[t.priority],
          dueAt: t.dueAt,
          escalation: t.escalation,
        })),
      ),
      audit.actor,
      audit.ip,
      JSON.stringify(audit.detail),
      c.idempotencyFingerprint ?? null,
      c.businessKey ?? null,
    ]);
    const row = rows[0]!;
    return {
      id: row.id,
      businessKey: row.businessKey,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      tasks: row.tasks.map((t) => ({
        ...t,
        createdAt: new Date(t.createdAt),
        dueAt: t.dueAt ? new Date(t.dueAt) : null,
        caseId: row.id,
        businessKey: row.businessKey,
        pluginId: c.pluginId,
        caseState: c.state,
        stateId: c.state,
        status: 'open' as const,
        assigneeId: null,
        assigneeName: null,
        completedAt: null,
      })),
    };
  }

  /** Replaces a case's answers and term index (an integration's newer version); returns the new case version. */
  async replaceAnswers(
    manager: EntityManager,
    caseId: string,
    answers: Record<string, unknown>,
    terms: TermRow[],
  ): Promise<number> {
    const rows = (await manager.query(
      'UPDATE core.case SET answers = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version',
      [caseId, JSON.stringify(answers)],
    )) as [{ version: number }[], number];
    // The start form's terms are replaced; those of action forms (paths under "@<action>/") stay.
    await manager.query(`DELETE FROM core.case_term WHERE case_id = $1 AND path NOT LIKE '@%'`, [caseId]);
    await this.insertTerms(manager, caseId, terms);
    return rows[0][0]!.version;
  }

  /**
   * Indexes the terms of a workflow action's form (a corrected outcome, a new owning team) under
   * `@<action id>/<path>`, so a case is found by what was recorded along its workflow too; taking
   * the action again replaces its earlier values.
   */
  async indexActionTerms(manager: EntityManager, caseId: string, actionId: string, terms: TermRow[]): Promise<void> {
    await manager.query('DELETE FROM core.case_term WHERE case_id = $1 AND starts_with(path, $2)', [
      caseId,
      `@${actionId}/`,
    ]);
    await this.insertTerms(
      manager,
      caseId,
      terms.map((t) => ({ ...t, path: `@${actionId}/${t.path}` })),
    );
  }

  async insertTerms(manager: EntityManager, caseId: string, terms: TermRow[]): Promise<void> {
    if (terms.length === 0) return;
    await manager.query(
      `INSERT INTO core.case_term (case_id, term, path, value, normalised)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        caseId,
        terms.map((t) => t.term),
        terms.map((t) => t.path),
        terms.map((t) => t.value),
        terms.map((t) => t.normalised),
      ],
    );
  }

  async insertLink(manager: EntityManager, fromCase: string, toCase: string, kind: string): Promise<void> {
    await manager.query(
      'INSERT INTO core.case_link (from_case, to_case, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [fromCase, toCase, kind],
    );
  }

  async findByIdempotencyKey(
    userId: string,
    key: string,
  ): Promise<(CaseRecord & { idempotencyFingerprint?: string | null }) | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${CASE_COLUMNS}, c.idempotency_fingerprint AS "idempotencyFingerprint" FROM core.case c JOIN core.app_user u ON u.id = c.created_by WHERE c.created_by = $1 AND c.idempotency_key = $2`,
      [userId, key],
    )) as (CaseRecord & { idempotencyFingerprint: string | null })[];
    return rows[0];
  }

  /** The case if the caller may see it (in the caller's transaction, or on its own with `undefined`). */
  async findVisible(
    manager: EntityManager | undefined,
    id: string,
    scope: AccessScope,
  ): Promise<CaseRecord | undefined> {
    const params: unknown[] = [id];
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT ${CASE_COLUMNS} FROM core.case c JOIN core.app_user u ON u.id = c.created_by
       WHERE c.id = $1 AND ${visibleCasePredicate(scope, params)}`,
      params,
    )) as CaseRecord[];
    return rows[0];
  }

  async findVisibleByKey(businessKey: string, scope: AccessScope): Promise<CaseRecord | undefined> {
    const params: unknown[] = [businessKey];
    const rows = (await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM core.case c JOIN core.app_user u ON u.id = c.created_by
       WHERE c.business_key = $1 AND ${visibleCasePredicate(scope, params)}`,
      params,
    )) as CaseRecord[];
    return rows[0];
  }

  async list(scope: AccessScope, filter: CaseListFilter): Promise<CaseRecord[]> {
    const params: unknown[] = [];
    const where = [visibleCasePredicate(scope, params)];
    if (filter.pluginId) where.push(`c.plugin_id = $${params.push(filter.pluginId)}`);
    if (filter.state) where.push(`c.state = $${params.push(filter.state)}`);
    if (filter.businessKey) where.push(`c.business_key = $${params.push(filter.businessKey)}`);
    if (filter.after) {
      where.push(
        `(c.created_at, c.id) < ($${params.push(filter.after.createdAt)}::timestamptz, $${params.push(filter.after.id)}::uuid)`,
      );
    }
    return (await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM core.case c JOIN core.app_user u ON u.id = c.created_by
       WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    )) as CaseRecord[];
  }

  /**
   * Moves the case to a state if it is still at `expectedVersion`, merging the action's answers
   * into the case's; returns the new version, or undefined when stale.
   */
  async updateState(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    state: string,
    actionAnswers: Record<string, unknown> | null = null,
  ): Promise<number | undefined> {
    const rows = (await manager.query(
      `UPDATE core.case SET state = $3, version = version + 1, updated_at = now(),
              action_answers = action_answers || coalesce($4::jsonb, '{}')
        WHERE id = $1 AND version = $2 RETURNING version`,
      [id, expectedVersion, state, actionAnswers && JSON.stringify(actionAnswers)],
    )) as [{ version: number }[], number];
    return rows[0][0]?.version;
  }

  /**
   * Locks the case row for a workflow action taken from another case's transaction (a target's
   * outcome recorded by submitting the outcome form); its state and version as they are now.
   */
  async lockForAction(manager: EntityManager, id: string): Promise<{ state: string; version: number } | undefined> {
    const rows = (await manager.query('SELECT state, version FROM core.case WHERE id = $1 FOR NO KEY UPDATE', [
      id,
    ])) as { state: string; version: number }[];
    return rows[0];
  }

  /**
   * The day's business-key base (core/src/cases/case-key.ts): recorded from the sequence by the
   * first case of the day, on its own (never inside a submission's transaction).
   */
  async keyDayBase(day: string): Promise<number> {
    await this.dataSource.query(
      `INSERT INTO core.case_key_day (day, base) SELECT $1, nextval('core.case_key_seq') - 1 ON CONFLICT (day) DO NOTHING`,
      [day],
    );
    const rows = (await this.dataSource.query('SELECT base FROM core.case_key_day WHERE day = $1', [day])) as {
      base: string;
    }[];
    return Number(rows[0]!.base);
  }

  async currentVersion(manager: EntityManager, id: string): Promise<number | undefined> {
    const rows = (await manager.query('SELECT version FROM core.case WHERE id = $1', [id])) as { version: number }[];
    return rows[0]?.version;
  }

  async links(
    caseId: string,
    scope: AccessScope,
  ): Promise<{ id: string; businessKey: string; pluginId: string; kind: string; direction: 'to' | 'from' }[]> {
    const params: unknown[] = [caseId];
    const visible = visibleCasePredicate(scope, params);
    return (await this.dataSource.query(
      `SELECT c.id, c.business_key AS "businessKey", c.plugin_id AS "pluginId", l.kind, 'to' AS direction
         FROM core.case_link l JOIN core.case c ON c.id = l.to_case WHERE l.from_case = $1 AND ${visible}
       UNION ALL
       SELECT c.id, c.business_key, c.plugin_id, l.kind, 'from'
         FROM core.case_link l JOIN core.case c ON c.id = l.from_case WHERE l.to_case = $1 AND ${visible}`,
      params,
    )) as { id: string; businessKey: string; pluginId: string; kind: string; direction: 'to' | 'from' }[];
  }

  async addComment(
    manager: EntityManager,
    caseId: string,
    authorId: string,
    body: string,
  ): Promise<{ id: string; createdAt: Date }> {
    const rows = (await manager.query(
      'INSERT INTO core.case_comment (case_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, created_at AS "createdAt"',
      [caseId, authorId, body],
    )) as { id: string; createdAt: Date }[];
    return rows[0]!;
  }

  async comments(caseId: string): Promise<{ id: string; author: string; body: string; createdAt: Date }[]> {
    return (await this.dataSource.query(
      `SELECT cc.id, u.display_name AS author, cc.body, cc.created_at AS "createdAt"
         FROM core.case_comment cc JOIN core.app_user u ON u.id = cc.author_id WHERE cc.case_id = $1 ORDER BY cc.created_at`,
      [caseId],
    )) as { id: string; author: string; body: string; createdAt: Date }[];
  }

  /** Cases the caller may see holding a normalised term value, newest first. */
  async searchByTerm(
    scope: AccessScope,
    term: string,
    normalised: string,
    limit: number,
    pluginIds: string[],
  ): Promise<(CaseRecord & { path: string; value: string })[]> {
    const params: unknown[] = [term, normalised, pluginIds];
    // One row per case (a case may hold the value at several paths), newest cases first.
    return (await this.dataSource.query(
      `SELECT DISTINCT ON (c.created_at, c.id) ${CASE_COLUMNS}, t.path, t.value FROM core.case_term t
         JOIN core.case c ON c.id = t.case_id JOIN core.app_user u ON u.id = c.created_by
        WHERE t.term = $1 AND t.normalised = $2 AND c.plugin_id = ANY($3) AND ${visibleCasePredicate(scope, params)}
        ORDER BY c.created_at DESC, c.id, t.path LIMIT $${params.push(limit)}`,
      params,
    )) as (CaseRecord & { path: string; value: string })[];
  }
}
