import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  caseId: string | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  availableAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
}

const columns = (
  t: string,
) => `${t}.id, ${t}.topic, ${t}.key, ${t}.payload, ${t}.case_id AS "caseId", ${t}.status, ${t}.attempts,
  ${t}.available_at AS "availableAt", ${t}.created_at AS "createdAt", ${t}.delivered_at AS "deliveredAt", ${t}.last_error AS "lastError"`;
const COLUMNS = columns('core.outbox');

/** Claiming, settling and inspecting outbound events. */
@Injectable()
export class OutboxDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims due events of the given topics for `leaseMs`: the attempt is counted and the event
   * hidden from other instances until the lease ends. Concurrent claimers skip each other's rows
   * (`FOR UPDATE SKIP LOCKED`); an instance that dies mid-delivery loses its lease and another
   * retries, so delivery is at least once and the receiver drops repeats by Idempotency-Key.
   */
  async claim(topics: string[], limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const result = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM core.outbox WHERE status = 'pending' AND topic = ANY($1) AND available_at <= now()
          ORDER BY available_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE core.outbox o SET attempts = o.attempts + 1, available_at = now() + make_interval(secs => $3::float8 / 1000)
         FROM due WHERE o.id = due.id RETURNING ${columns('o')}`,
      [topics, limit, leaseMs],
    )) as [OutboxRow[], number];
    return result[0];
  }

  async delivered(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE core.outbox SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Schedules a retry, or dead-letters the event when it has used its attempts. */
  async failed(id: string, error: string, retryInMs: number | null): Promise<void> {
    if (retryInMs === null) {
      await this.dataSource.query(`UPDATE core.outbox SET status = 'dead', last_error = $2 WHERE id = $1`, [
        id,
        error.slice(0, 1000),
      ]);
    } else {
      await this.dataSource.query(
        `UPDATE core.outbox SET available_at = now() + make_interval(secs => $3::float8 / 1000), last_error = $2 WHERE id = $1`,
        [id, error.slice(0, 1000), retryInMs],
      );
    }
  }

  async list(filter: { status?: string; topic?: string; limit: number }): Promise<OutboxRow[]> {
    const params: unknown[] = [];
    const where = ["topic NOT LIKE 'case.%'"];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.topic) where.push(`topic = $${params.push(filter.topic)}`);
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.outbox WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    )) as OutboxRow[];
  }

  /** Puts a dead event back in the queue with fresh attempts. */
  async redrive(id: string): Promise<OutboxRow | undefined> {
    const result = (await this.dataSource.query(
      `UPDATE core.outbox SET status = 'pending', attempts = 0, available_at = now(), last_error = NULL WHERE id = $1 AND status = 'dead' RETURNING ${COLUMNS}`,
      [id],
    )) as [OutboxRow[], number];
    return result[0][0];
  }

  /** How each outbound event of the case stands (the case view's deliveries), oldest first. */
  async forCase(
    caseId: string,
  ): Promise<Pick<OutboxRow, 'topic' | 'status' | 'attempts' | 'deliveredAt' | 'lastError'>[]> {
    return (await this.dataSource.query(
      `SELECT topic, status, attempts, delivered_at AS "deliveredAt", last_error AS "lastError"
         FROM core.outbox WHERE case_id = $1 AND topic NOT LIKE 'case.%' ORDER BY id`,
      [caseId],
    )) as Pick<OutboxRow, 'topic' | 'status' | 'attempts' | 'deliveredAt' | 'lastError'>[];
  }
}
