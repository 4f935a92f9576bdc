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

/** What a claimed event's delivery needs besides the row: when its retry window began. */
export interface ClaimedRow extends OutboxRow {
  retryFrom: Date;
}

/** Which dead events a bulk redrive takes. */
export interface RedriveFilter {
  topic?: string;
  /** Only events created at or after / before these. */
  createdFrom?: Date;
  createdTo?: Date;
  /** Only events whose last error contains this text. */
  errorContains?: string;
  limit: number;
}

/** One delivery channel's queue as the ops figures show it. */
export interface QueueFigures {
  pending: number;
  dead: number;
  /** Seconds since the oldest waiting event was recorded (0 when none waits). */
  oldestPendingSeconds: number;
  deliveredLastHour: number;
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
  async claim(topics: string[], limit: number, leaseMs: number): Promise<ClaimedRow[]> {
    const result = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM core.outbox WHERE status = 'pending' AND topic = ANY($1) AND available_at <= now()
          ORDER BY available_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE core.outbox o SET attempts = o.attempts + 1,
              available_at = now() + make_interval(secs => $3::float8 / 1000),
              leased_until = now() + make_interval(secs => $3::float8 / 1000)
         FROM due WHERE o.id = due.id RETURNING ${columns('o')}, o.retry_from AS "retryFrom"`,
      [topics, limit, leaseMs],
    )) as [ClaimedRow[], number];
    return result[0];
  }

  /**
   * Claims the oldest waiting event of the topics whatever its backoff (not one another
   * instance holds): the probe sent while the circuit to the receiver is open.
   */
  async claimProbe(topics: string[], leaseMs: number): Promise<ClaimedRow | undefined> {
    const result = (await this.dataSource.query(
      `WITH next AS (
         SELECT id FROM core.outbox WHERE status = 'pending' AND topic = ANY($1)
            AND (leased_until IS NULL OR leased_until <= now())
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
       UPDATE core.outbox o SET attempts = o.attempts + 1,
              available_at = now() + make_interval(secs => $2::float8 / 1000),
              leased_until = now() + make_interval(secs => $2::float8 / 1000)
         FROM next WHERE o.id = next.id RETURNING ${columns('o')}, o.retry_from AS "retryFrom"`,
      [topics, leaseMs],
    )) as [ClaimedRow[], number];
    return result[0][0];
  }

  /** Makes every waiting event of the topics due now (the receiver answers again); returns how many. */
  async releaseBackoffs(topics: string[]): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE core.outbox SET available_at = now()
        WHERE status = 'pending' AND topic = ANY($1) AND available_at > now()
          AND (leased_until IS NULL OR leased_until <= now())`,
      [topics],
    )) as [unknown[], number];
    return result[1];
  }

  /**
   * Dead-letters waiting events whose retry window has passed (none of their attempts got
   * through for `horizonSeconds`), whether or not an attempt is due; returns how many.
   */
  async expire(topics: string[], horizonSeconds: number): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE core.outbox SET status = 'dead', leased_until = NULL,
              last_error = left('not delivered within ' || $2 || ' s: ' || coalesce(last_error, 'no attempt got through'), 1000)
        WHERE status = 'pending' AND topic = ANY($1) AND retry_from <= now() - make_interval(secs => $2::float8)
          AND (leased_until IS NULL OR leased_until <= now())`,
      [topics, horizonSeconds],
    )) as [unknown[], number];
    return result[1];
  }

  /**
   * Marks the event delivered: any attempt's success stands, even one that comes back after its
   * lease ended and another instance took the event over (the receiver drops the repeat by key),
   * and even if that one has since dead-lettered it. Returns whether a row changed.
   */
  async delivered(id: string): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE core.outbox SET status = 'delivered', delivered_at = now(), last_error = NULL, leased_until = NULL
        WHERE id = $1 AND status <> 'delivered'`,
      [id],
    )) as [unknown[], number];
    return result[1] > 0;
  }

  /**
   * Schedules a retry, or dead-letters the event when it has used its attempts, for the claim
   * that made attempt `attempt` only: a late failure of a claim whose lease ended (an instance
   * frozen past it, another having taken the event over and perhaps delivered it) changes
   * nothing. Returns whether it applied.
   */
  async failed(id: string, attempt: number, error: string, retryInMs: number | null): Promise<boolean> {
    const result = (
      retryInMs === null
        ? await this.dataSource.query(
            `UPDATE core.outbox SET status = 'dead', last_error = $3, leased_until = NULL
              WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
            [id, attempt, error.slice(0, 1000)],
          )
        : await this.dataSource.query(
            `UPDATE core.outbox SET available_at = now() + make_interval(secs => $4::float8 / 1000), last_error = $3, leased_until = NULL
              WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
            [id, attempt, error.slice(0, 1000), retryInMs],
          )
    ) as [unknown[], number];
    return result[1] > 0;
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

  /**
   * Puts dead events back in the queue with a fresh retry window, keeping their attempts and
   * last error, and recording each redrive (who, and what the event had) in core.outbox_redrive.
   */
  async redrive(ids: string[], actor: string): Promise<OutboxRow[]> {
    const result = (await this.dataSource.query(
      `WITH revived AS (
         UPDATE core.outbox SET status = 'pending', available_at = now(), retry_from = now(), leased_until = NULL
          WHERE id = ANY($1::bigint[]) AND status = 'dead' RETURNING ${COLUMNS}),
       history AS (
         INSERT INTO core.outbox_redrive (outbox_id, redriven_by, attempts, last_error)
         SELECT id::bigint, $2, attempts, "lastError" FROM revived)
       SELECT * FROM revived ORDER BY id`,
      [ids, actor],
    )) as OutboxRow[];
    return result;
  }

  /** The ids of dead events matching the filter, oldest first. */
  async deadIds(filter: RedriveFilter): Promise<string[]> {
    const params: unknown[] = [];
    const where = ["status = 'dead'", "topic NOT LIKE 'case.%'"];
    if (filter.topic) where.push(`topic = $${params.push(filter.topic)}`);
    if (filter.createdFrom) where.push(`created_at >= $${params.push(filter.createdFrom)}`);
    if (filter.createdTo) where.push(`created_at < $${params.push(filter.createdTo)}`);
    if (filter.errorContains) where.push(`strpos(last_error, $${params.push(filter.errorContains)}) > 0`);
    const rows = (await this.dataSource.query(
      `SELECT id FROM core.outbox WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${params.push(filter.limit)}`,
      params,
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Each redrive of the event, oldest first. */
  async redrives(
    id: string,
  ): Promise<{ redrivenAt: Date; redrivenBy: string; attempts: number; lastError: string | null }[]> {
    return (await this.dataSource.query(
      `SELECT redriven_at AS "redrivenAt", redriven_by AS "redrivenBy", attempts, last_error AS "lastError"
         FROM core.outbox_redrive WHERE outbox_id = $1 ORDER BY id`,
      [id],
    )) as { redrivenAt: Date; redrivenBy: string; attempts: number; lastError: string | null }[];
  }

  /** Queue figures for the topics (the ops view and its alert), each read through its own index. */
  async figures(topics: string[]): Promise<QueueFigures> {
    const rows = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM core.outbox WHERE status = 'pending' AND topic = ANY($1))::int AS pending,
              (SELECT count(*) FROM core.outbox WHERE status = 'dead' AND topic = ANY($1))::int AS dead,
              coalesce((SELECT extract(epoch FROM now() - min(created_at)) FROM core.outbox
                         WHERE status = 'pending' AND topic = ANY($1)), 0)::int AS "oldestPendingSeconds",
              (SELECT count(*) FROM core.outbox WHERE status = 'delivered' AND topic = ANY($1)
                  AND delivered_at > now() - interval '1 hour')::int AS "deliveredLastHour"`,
      [topics],
    )) as QueueFigures[];
    return rows[0]!;
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
