import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiFreeObject, ApiNullableDateTime, ApiNullableString } from '../openapi/api-schema.js';
import type { OutboxRow } from './outbox.repository.js';

/** An outbound event as the admins' outbox routes send it (OutboxDeliveryRepository's row). */
export class OutboxEventView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'What is sent, e.g. `cerberus.outcome`' }) topic!: string;
  @ApiProperty({ description: 'Key the receiver deduplicates by' }) key!: string;
  @ApiFreeObject('The body sent') payload!: Record<string, unknown>;
  @ApiNullableString() caseId!: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'], enumName: 'DeliveryStatus' }) status!: OutboxRow['status'];
  @ApiProperty() attempts!: number;
  @ApiDateTime('When the next attempt is due') availableAt!: Date;
  @ApiDateTime() createdAt!: Date;
  @ApiNullableDateTime() deliveredAt!: Date | null;
  @ApiNullableString() lastError!: string | null;
}

export class OutboxEventListView {
  @ApiProperty({ type: () => [OutboxEventView] }) events!: OutboxEventView[];
}
