import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OutboxFigures {
  topic: string;
  pending: number;
  /** Seconds since the oldest undelivered message was written; 0 when none. */
  oldestPendingSeconds: number;
  dead: number;
}

/** The figures `/metrics` reads from the database when Prometheus scrapes (partial indexes keep them cheap). */
@Injectable()
export class MetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Undelivered and dead-lettered messages per channel (topic). */
  async outbox(): Promise<OutboxFigures[]> {
    const rows: { topic: string; pending: number; oldest: number | null; dead: number }[] = await this.dataSource.query(
      `SELECT topic,
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending'))::float8 AS oldest,
              count(*) FILTER (WHERE status = 'dead')::int AS dead
         FROM core.outbox WHERE status IN ('pending', 'dead') GROUP BY topic`,
    );
    return rows.map((r) => ({ topic: r.topic, pending: r.pending, oldestPendingSeconds: r.oldest ?? 0, dead: r.dead }));
  }

  /** Report runs waiting or being rendered. */
  async reportQueue(): Promise<{ queued: number; running: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
              count(*) FILTER (WHERE status = 'running')::int AS running
         FROM core.report_run WHERE status IN ('queued', 'running')`,
    )) as { queued: number; running: number }[];
    return row ?? { queued: 0, running: 0 };
  }
}
