import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { InputError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import { PRIORITY_RANK, type NewTask, type TaskQuery, type TaskRecord, type TaskSort } from './task.types.js';

const TASK_COLUMNS = `t.id, t.case_id AS "caseId", c.business_key AS "businessKey", t.plugin_id AS "pluginId", c.state AS "caseState",
  t.state_id AS "stateId", t.title, t.status, t.team_id AS "teamId", t.candidate_role AS "candidateRole",
  t.except_roles AS "exceptRoles", t.assignee_id AS "assigneeId", a.display_name AS "assigneeName", t.priority, t.due_at AS "dueAt",
  t.created_at AS "createdAt", t.completed_at AS "completedAt", t.priority_rank AS "priorityRank",
  t.created_at::text AS "cursorCreatedAt", t.due_at::text AS "cursorDueAt"`;

/**
 * Keyset order per sort: `order` over the task table (served by the queue indexes),
 * `outer` the same order over the selected columns (merging per-team pages), the columns
 * the cursor carries, and the keyset predicate.
 */
const ORDERS: Record<TaskSort, { order: string; outer: string; key: string[]; compare: string }> = {
  priority: {
    order: 't.priority_rank DESC, t.created_at, t.id',
    outer: 'q."priorityRank" DESC, q."createdAt", q.id',
    key: ['priorityRank', 'cursorCreatedAt', 'id'],
    // Written so the queue index (team_id, priority_rank DESC, created_at, id) serves it.
    compare:
      '(t.priority_rank < $R::int OR (t.priority_rank = $R::int AND (t.created_at, t.id) > ($C::timestamptz, $I::uuid)))',
  },
  due: {
    order: "COALESCE(t.due_at, 'infinity'::timestamptz), t.id",
    outer: 'COALESCE(q."dueAt", \'infinity\'::timestamptz), q.id',
    key: ['cursorDueAt', 'id'],
    compare:
      "(COALESCE(t.due_at, 'infinity'::timestamptz), t.id) > (COALESCE($D::timestamptz, 'infinity'::timestamptz), $I::uuid)",
  },
  created: {
    order: 't.created_at DESC, t.id DESC',
    outer: 'q."createdAt" DESC, q.id DESC',
    key: ['cursorCreatedAt', 'id'],
    compare: '(t.created_at, t.id) < ($C::timestamptz, $I::uuid)',
  },
};

/**
 * Tasks: created as cases enter states, worked from personal and team queues. Statements of a
 * caller's transaction take its EntityManager first (core/src/database/transactions.ts).
 */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the tasks; returns them as records (the case fields given by the caller). */
  async insert(
    manager: EntityManager,
    tasks: NewTask[],
    c: { businessKey: string; state: string },
  ): Promise<TaskRecord[]> {
    const created: TaskRecord[] = [];
    for (const t of tasks) {
      const rows = (await manager.query(
        `INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, candidate_role, except_roles, assignee_id, priority, priority_rank, due_at, escalation)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, created_at AS "createdAt"`,
        [
          t.caseId,
          t.pluginId,
          t.stateId,
          t.title,
          t.teamId,
          t.candidateRole,
          t.exceptRoles,
          t.assigneeId,
          t.priority,
          PRIORITY_RANK[t.priority],
          t.dueAt,
          t.escalation ? JSON.stringify(t.escalation) : null,
        ],
      )) as { id: string; createdAt: Date }[];
      created.push({
        id: rows[0]!.id,
        caseId: t.caseId,
        businessKey: c.businessKey,
        pluginId: t.pluginId,
        caseState: c.state,
        stateId: t.stateId,
        title: t.title,
        status: 'open',
        teamId: t.teamId,
        candidateRole: t.candidateRole,
        exceptRoles: t.exceptRoles,
        assigneeId: t.assigneeId,
        assigneeName: null,
        priority: t.priority,
        dueAt: t.dueAt,
        createdAt: rows[0]!.createdAt,
        completedAt: null,
      });
    }
    return created;
  }

  /** Closes the case's open tasks (the case left their state); returns their ids. */
  async completeOpenForCase(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = (await manager.query(
      `UPDATE core.task SET status = 'completed', completed_at = now() WHERE case_id = $1 AND status = 'open' RETURNING id`,
      [caseId],
    )) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  async forCase(caseId: string): Promise<TaskRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM core.task t JOIN core.case c ON c.id = t.case_id LEFT JOIN core.app_user a ON a.id = t.assignee_id
       WHERE t.case_id = $1 ORDER BY t.created_at`,
      [caseId],
    )) as TaskRecord[];
  }

  /** A task the caller may work (theirs, or their team's), locked in the caller's transaction. */
  async findWorkable(manager: EntityManager, id: string, scope: AccessScope): Promise<TaskRecord | undefined> {
    const params: unknown[] = [id];
    const reach = scope.all
      ? 'TRUE'
      : `(t.assignee_id = $${params.push(scope.userId)} OR t.team_id = ANY($${params.push(scope.visibleTeams)}))`;
    const rows = (await manager.query(
      `SELECT ${TASK_COLUMNS} FROM core.task t JOIN core.case c ON c.id = t.case_id LEFT JOIN core.app_user a ON a.id = t.assignee_id
       WHERE t.id = $1 AND ${reach} FOR UPDATE OF t`,
      params,
    )) as TaskRecord[];
    return rows[0];
  }

  async setAssignee(manager: EntityManager, id: string, assigneeId: string | null): Promise<void> {
    await manager.query('UPDATE core.task SET assignee_id = $2 WHERE id = $1', [id, assigneeId]);
  }

  /**
   * A page of a queue. A team queue over several teams (a manager's command) takes the page
   * from each team's index separately and merges them, so it costs teams × one index page
   * however many tasks the teams hold, where `team_id = ANY(...)` would sort them all.
   */
  async page(scope: AccessScope, q: TaskQuery): Promise<{ tasks: TaskRecord[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    const where = [`t.status = 'open'`];
    const teams = [...new Set(scope.visibleTeams)];
    const perTeam = q.scope !== 'mine' && teams.length > 1;
    if (q.scope === 'mine') where.push(`t.assignee_id = $${params.push(scope.userId)}`);
    else if (perTeam) where.push('t.team_id = v.team_id');
    else where.push(`t.team_id = $${params.push(teams[0] ?? null)}`);
    if (q.pluginId) where.push(`t.plugin_id = $${params.push(q.pluginId)}`);
    if (q.caseState) where.push(`c.state = $${params.push(q.caseState)}`);
    if (q.priority) where.push(`t.priority = $${params.push(q.priority)}`);
    if (q.overdue) where.push('t.due_at < now()');
    if (q.businessKey) where.push(`c.business_key = $${params.push(q.businessKey)}`);
    const order = ORDERS[q.sort];
    if (q.cursor) where.push(this.cursorPredicate(q.sort, q.cursor, params));
    const limit = `$${params.push(q.limit + 1)}`;
    const onePage = `SELECT ${TASK_COLUMNS} FROM core.task t JOIN core.case c ON c.id = t.case_id LEFT JOIN core.app_user a ON a.id = t.assignee_id
       WHERE ${where.join(' AND ')} ORDER BY ${order.order} LIMIT ${limit}`;
    const sql = perTeam
      ? `SELECT q.* FROM unnest($${params.push(teams)}::text[]) AS v(team_id) CROSS JOIN LATERAL (${onePage}) q
          ORDER BY ${order.outer} LIMIT ${limit}`
      : onePage;
    const rows = (await this.dataSource.query(sql, params)) as (TaskRecord & {
      priorityRank: number;
      cursorCreatedAt: string;
      cursorDueAt: string | null;
    })[];
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > q.limit && last
        ? Buffer.from(JSON.stringify(order.key.map((k) => (last as unknown as Record<string, unknown>)[k]))).toString(
            'base64url',
          )
        : null;
    return {
      tasks: page.map(({ priorityRank: _r, cursorCreatedAt: _c, cursorDueAt: _d, ...task }) => task),
      nextCursor,
    };
  }

  private cursorPredicate(sort: TaskSort, cursor: string, params: unknown[]): string {
    let values: unknown[];
    try {
      values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    } catch {
      throw new InputError('Check the request', [
        { path: 'cursor', message: 'The page cursor is not valid; start from the first page' },
      ]);
    }
    const order = ORDERS[sort];
    if (!Array.isArray(values) || values.length !== order.key.length) {
      throw new InputError('Check the request', [
        { path: 'cursor', message: 'The page cursor is not valid; start from the first page' },
      ]);
    }
    const named: Record<string, unknown> = Object.fromEntries(order.key.map((k, i) => [k, values[i]]));
    const slots: Record<string, unknown> = {
      R: named.priorityRank,
      C: named.cursorCreatedAt,
      D: named.cursorDueAt,
      I: named.id,
    };
    return order.compare.replace(/\$([RCDI])/g, (_, slot: string) => `$${params.push(slots[slot])}`);
  }
}
