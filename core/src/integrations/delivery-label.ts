import { ApiProperty } from '@nestjs/swagger';
import { ApiNullableDateTime } from '../openapi/api-schema.js';
import type { OutboxRow } from './outbox.repository.js';

const NAMES: Record<string, { what: string; to: string }> = {
  'cerberus.outcome': { what: 'Outcome', to: 'Cerberus' },
};
const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** The delivery state of an outbound event as officers read it on the case. */
export class DeliveryView {
  @ApiProperty({ description: 'What was sent, e.g. `cerberus.outcome`' }) topic!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'], enumName: 'DeliveryStatus' }) status!: OutboxRow['status'];
  @ApiProperty() attempts!: number;
  @ApiNullableDateTime() deliveredAt!: Date | null;
  @ApiProperty({
    description: '"Outcome sent to Cerberus at 14:02", "Retrying: attempt 3", "Failed: needs attention (…)"',
  })
  label!: string;
}

export function toDeliveryView(
  row: Pick<OutboxRow, 'topic' | 'status' | 'attempts' | 'deliveredAt' | 'lastError'>,
): DeliveryView {
  const name = NAMES[row.topic] ?? { what: 'Update', to: row.topic.split('.')[0] ?? 'the other system' };
  let label: string;
  if (row.status === 'delivered')
    label = `${name.what} sent to ${name.to} at ${time.format(new Date(row.deliveredAt!))}`;
  else if (row.status === 'dead') label = `Failed: needs attention (${row.lastError ?? 'no answer'})`;
  else if (row.attempts > 0) label = `Retrying: attempt ${row.attempts + 1}`;
  else label = `Waiting to send to ${name.to}`;
  return { topic: row.topic, status: row.status, attempts: row.attempts, deliveredAt: row.deliveredAt, label };
}
