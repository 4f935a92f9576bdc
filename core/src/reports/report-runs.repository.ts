import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

/** A report run as stored. */
export interface ReportRunRecord {
  id: string;
  reportId: string;
  title: string;
  parameters: Record<string, string>;
  status: RunStatus;
  requestedBy: string | null;
  generatedBy: string;
  scopeTeams: string[] | null;
  commandId: string | null;
  scheduledFor: Date | null;
  percent: number;
  rowsDone: number;
  rowsTotal: number | null;
  pages: number | null;
  bytes: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewRun {
  reportId: string;
  title: string;
  parameters: Record<string, string>;
  requestedBy: string | null;
  generatedBy: string;
  scopeTeams: string[] | null;
  commandId: string | null;
  scheduledFor?: Date;
}

const COLUMNS = `id, report_id AS "reportId", title, parameters, status, requested_by AS "requestedBy", generated_by AS "generatedBy",
  scope_teams AS "scopeTeams", command_id AS "commandId", scheduled_for AS "scheduledFor", percent, rows_done AS "rowsDone",
  rows_total AS "rowsTotal", pages, bytes, error, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** How long a claimed run may go without a progress update before another instance takes it over. */
const LEASE = '2 minutes';

/** Report runs and their stored PDFs (chunks in `core.report_run_chunk`). */
@Injectable()
export class ReportRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(run: NewRun): Promise<ReportRunRecord | undefined> {
    const rows = (await this.dataSource.query(
      `INSERT INTO core.report_run (report_id, title, parameters, requested_by, generated_by, scope_teams, command_id, scheduled_for)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [
        run.reportId,
        run.title,
        JSON.stringify(run.parameters),
        run.requestedBy,
        run.generatedBy,
        run.scopeTeams,
        run.commandId,
        run.scheduledFor ?? null,
      ],
    )) as ReportRunRecord[];
    return rows[0];
  }

  async find(id: string): Promise<ReportRunRecord | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM core.report_run WHERE id = $1`, [
      id,
    ])) as ReportRunRecord[];
    return rows[0];
  }

  /** The caller's own runs and the scheduled runs of their commands (all runs when `commands` is null), newest first. */
  async list(userId: string, commands: string[] | null, limit: number): Promise<ReportRunRecord[]> {
    const where =
      commands === null ? 'TRUE' : `(requested_by = $1 OR (scheduled_for IS NOT NULL AND command_id = ANY($2)))`;
    const params = commands === null ? [limit] : [userId, commands, limit];
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.report_run WHERE ${where} ORDER BY created_at DESC LIMIT $${params.length}`,
      params,
    )) as ReportRunRecord[];
  }

  /**
   * Claims the oldest queued run (or one whose instance stopped renewing its lease). SKIP LOCKED
   * lets every instance poll at once without two taking the same run.
   */
  async claim(instance: string): Promise<ReportRunRecord | undefined> {
    const rows = (await this.dataSource.query(
      `UPDATE core.report_run SET status = 'running', claimed_by = $1, lease_until = now() + interval '${LEASE}',
              started_at = now(), percent = 0, rows_done = 0, error = NULL
        WHERE id = (SELECT id FROM core.report_run
                       WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
                       ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING ${COLUMNS}`,
      [instance],
    )) as [ReportRunRecord[], number];
    return rows[0][0];
  }

  async progress(id: string, percent: number, rowsDone: number, rowsTotal: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE core.report_run SET percent = $2, rows_done = $3, rows_total = $4, lease_until = now() + interval '${LEASE}'
        WHERE id = $1 AND status = 'running'`,
      [id, percent, rowsDone, rowsTotal],
    );
  }

  async finish(id: string, result: { pages: number; rows: number; bytes: number }): Promise<void> {
    await this.dataSource.query(
      `UPDATE core.report_run SET status = 'done', percent = 100, rows_done = $2, rows_total = $2, pages = $3, bytes = $4,
              finished_at = now(), lease_until = NULL WHERE id = $1`,
      [id, result.rows, result.pages, result.bytes],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM core.report_run_chunk WHERE run_id = $1', [id]);
      await manager.query(
        `UPDATE core.report_run SET status = 'failed', error = $2, finished_at = now(), lease_until = NULL WHERE id = $1`,
        [id, error],
      );
    });
  }

  /** Drops chunks left by an earlier attempt at the run. */
  async clearChunks(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM core.report_run_chunk WHERE run_id = $1', [id]);
  }

  async writeChunk(id: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query('INSERT INTO core.report_run_chunk (run_id, seq, data) VALUES ($1, $2, $3)', [
      id,
      seq,
      data,
    ]);
  }

  async readChunk(id: string, seq: number): Promise<Buffer | undefined> {
    const rows = (await this.dataSource.query('SELECT data FROM core.report_run_chunk WHERE run_id = $1 AND seq = $2', [
      id,
      seq,
    ])) as {
      data: Buffer;
    }[];
    return rows[0]?.data;
  }

  /** A manager's display name, for "Generated by". */
  async displayName(userId: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query('SELECT display_name AS name FROM core.app_user WHERE id = $1', [
      userId,
    ])) as { name: string }[];
    return rows[0]?.name;
  }
}
