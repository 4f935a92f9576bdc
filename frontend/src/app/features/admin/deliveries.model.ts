/** An outbound event as `GET /api/integrations/outbox` returns it (core/src/integrations). */
export interface OutboxEvent {
  id: string;
  topic: string;
  key: string;
  caseId: string | null;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  availableAt: string;
  createdAt: string;
  deliveredAt: string | null;
  lastError: string | null;
}
