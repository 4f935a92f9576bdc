import type { Schema } from '../../core/api/schema';

/** An outbound event as `GET /api/integrations/outbox` returns it (core/src/integrations). */
export type OutboxEvent = Schema<'OutboxEventView'>;
