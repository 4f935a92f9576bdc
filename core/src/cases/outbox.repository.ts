import type { EntityManager } from 'typeorm';

/** An event bound outward (Cerberus) or to other instances, committed with the action that caused it. */
export interface OutboxEvent {
  topic: string;
  /** Idempotency key the receiver sees; unique per logical event. */
  key: string;
  payload: Record<string, unknown>;
  caseId?: string;
}

export class OutboxRepository {
  static async enqueue(manager: EntityManager, events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      await manager.query('INSERT INTO core.outbox (topic, key, payload, case_id) VALUES ($1, $2, $3, $4)', [
        event.topic,
        event.key,
        JSON.stringify(event.payload),
        event.caseId ?? null,
      ]);
    }
  }
}
