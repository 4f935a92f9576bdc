import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An event bound outward (Cerberus) or to other instances, committed with the action that caused it. */
export interface OutboxEvent {
  topic: string;
  /** Idempotency key the receiver sees; unique per logical event. */
  key: string;
  payload: Record<string, unknown>;
  caseId?: string;
  /**
   * `pending` for events a dispatcher must deliver outward; `delivered` for events recorded for
   * the log only (the core's own case events, which no outside system subscribes to yet).
   */
  status?: 'pending' | 'delivered';
}

/** Writes events to core.outbox, always inside the transaction of what caused them. */
@Injectable()
export class OutboxRepository {
  async enqueue(manager: EntityManager, events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const status = event.status ?? 'pending';
      await manager.query(
        `INSERT INTO core.outbox (topic, key, payload, case_id, status, delivered_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'delivered' THEN now() END)`,
        [event.topic, event.key, JSON.stringify(event.payload), event.caseId ?? null, status],
      );
      // Wakes the dispatchers on commit (a rolled-back event wakes nobody).
      if (status === 'pending') await manager.query(`SELECT pg_notify('cop_outbox', $1)`, [event.topic]);
    }
  }
}
