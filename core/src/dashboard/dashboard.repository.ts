import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReportDatabase } from '../reports/report-database.js';
import { inSnapshot, type RunInSnapshot } from './snapshot-workers.js';

/** A task not done by its due time (`$3`: now): finished late, or still open past due. */
const BREACHED = "((t.status = 'completed' AND t.completed_at > t.due_at) OR (t.status = 'open' AND t.due_at < $3))";

/** Connections one dashboard counts on at most, side by side (of DATABASE_POOL_SIZE). */
const WORKERS = 3;

/** The core tables the dashboard counts: cases started by workflow, open and overdue tasks by team. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly database: ReportDatabase) {}

  /**
   * Runs `work` in one REPEATABLE READ, read-only transaction, so every tile counts the same
   * snapshot: on the read replica when one is configured and current, as reports are.
   */
  async readOnly<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return (await this.database.source()).transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  /**
   * Runs `work`'s units side by side on up to three connections that all read one REPEATABLE
   * READ, read-only snapshot (`inSnapshot`), on the read replica when one is configured and
   * current: the figures agree with each other as in one transaction.
   */
  async inSnapshot<T>(work: (run: RunInSnapshot) => Promise<T>): Promise<T> {
    return inSnapshot(await this.database.source(), WORKERS, work);
  }

  /** Cases started in the period by workflow (`teams` null: every team): an index-only range scan of `case_created_idx`. */
  async casesStarted(
    manager: EntityManager,
    period: { from: Date; to: Date },
    teams: string[] | null,
  ): Promise<{ pluginId: string; count: number }[]> {
    const params: unknown[] = [period.from, period.to];
    const team = teams ? ` AND c.team_id = ANY($${params.push(teams)})` : '';
    return (await manager.query(
      `SELECT c.plugin_id AS "pluginId", count(*)::int AS count FROM core.case c
        WHERE c.created_at >= $1 AND c.created_at < $2${team} GROUP BY c.plugin_id`,
      params,
    )) as { pluginId: string; count: number }[];
  }

  /** Cases started in the period, newest first: at most `limit`. */
  async casesStartedIn(
    manager: EntityManager,
    period: { from: Date; to: Date },
    teams: string[] | null,
    limit: number,
  ): Promise<{ caseId: string; reference: string; at: string; state: string; team: string | null }[]> {
    const params: unknown[] = [period.from, period.to];
    const where = ['c.created_at >= $1', 'c.created_at < $2'];
    if (teams) where.push(`c.team_id = ANY($${params.push(teams)})`);
    const rows = (await manager.query(
      `SELECT c.id AS "caseId", c.business_key AS reference, c.created_at AS at, c.state, c.team_id AS team
         FROM core.case c WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${Number(limit)}`,
      params,
    )) as { caseId: string; reference: string; at: Date; state: string; team: string | null }[];
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /**
   * Tasks that fell due in the period, by team, and how many of them breached: done after they
   * were due, or still open past due at `now` (`task_due_month_idx`, an index-only range scan).
   */
  async tasksDue(
    manager: EntityManager,
    period: { from: Date; to: Date },
    teams: string[] | null,
    now: Date,
  ): Promise<{ teamId: string | null; due: number; breached: number }[]> {
    const params: unknown[] = [period.from, period.to, now];
    const team = teams ? ` AND t.team_id = ANY($${params.push(teams)})` : '';
    return (await manager.query(
      `SELECT t.team_id AS "teamId", count(*)::int AS due, count(*) FILTER (WHERE ${BREACHED})::int AS breached
         FROM core.task t WHERE t.due_at >= $1 AND t.due_at < $2${team}
        GROUP BY t.team_id ORDER BY breached DESC, due DESC, t.team_id`,
      params,
    )) as { teamId: string | null; due: number; breached: number }[];
  }

  /** The cases of the tasks due in the period that breached, by the task's due time, latest first: at most `limit`. */
  async breachedCases(
    manager: EntityManager,
    period: { from: Date; to: Date },
    teams: string[] | null,
    now: Date,
    limit: number,
  ): Promise<{ caseId: string; reference: string; at: string; state: string; team: string | null }[]> {
    const params: unknown[] = [period.from, period.to, now];
    const team = teams ? ` AND t.team_id = ANY($${params.push(teams)})` : '';
    const rows = (await manager.query(
      `SELECT c.id AS "caseId", c.business_key AS reference, max(t.due_at) AS at, c.state, c.team_id AS team
         FROM core.task t JOIN core.case c ON c.id = t.case_id
        WHERE t.due_at >= $1 AND t.due_at < $2${team} AND ${BREACHED}
        GROUP BY c.id ORDER BY at DESC, c.id DESC LIMIT ${Number(limit)}`,
      params,
    )) as { caseId: string; reference: string; at: Date; state: string; team: string | null }[];
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /** Open tasks by team, and how many of them are past due at `now`. */
  async openTasksByTeam(
    manager: EntityManager,
    teams: string[] | null,
    now: Date,
  ): Promise<{ teamId: string | null; open: number; overdue: number }[]> {
    const params: unknown[] = [now];
    const where = ["t.status = 'open'"];
    if (teams) where.push(`t.team_id = ANY($${params.push(teams)})`);
    const rows = (await manager.query(
      `SELECT t.team_id AS "teamId", count(*)::int AS open, count(*) FILTER (WHERE t.due_at < $1)::int AS overdue
         FROM core.task t WHERE ${where.join(' AND ')} GROUP BY t.team_id ORDER BY open DESC, t.team_id`,
      params,
    )) as { teamId: string | null; open: number; overdue: number }[];
    return rows;
  }
}
