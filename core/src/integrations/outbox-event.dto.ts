import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
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

/** `POST /api/integrations/outbox/redrive`: which dead events to send again (all that match). */
export class RedriveFilterDto {
  @ApiProperty({ required: false, description: 'Only this topic, e.g. `cerberus.outcome`' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  topic?: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'Only events recorded at or after this' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'createdFrom must be a date and time (ISO 8601)' })
  createdFrom?: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'Only events recorded before this' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'createdTo must be a date and time (ISO 8601)' })
  createdTo?: string;

  @ApiProperty({ required: false, description: 'Only events whose last error contains this text' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  errorContains?: string;

  @ApiProperty({ required: false, description: 'At most this many (default and largest 10,000)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

export class RedriveResultView {
  @ApiProperty({ description: 'How many dead events were put back in the queue' }) redriven!: number;
  @ApiProperty({ type: [String], description: 'Their ids' }) ids!: string[];
}

/** One redrive of an event, kept when it was sent again. */
export class OutboxRedriveView {
  @ApiDateTime() redrivenAt!: Date;
  @ApiProperty() redrivenBy!: string;
  @ApiProperty({ description: 'Attempts the event had made before this redrive' }) attempts!: number;
  @ApiNullableString() lastError!: string | null;
}

export class OutboxRedriveListView {
  @ApiProperty({ type: () => [OutboxRedriveView] }) redrives!: OutboxRedriveView[];
}

/** One outbound channel's queue and this instance's circuit to it. */
export class OutboxChannelHealthView {
  @ApiProperty({ description: 'e.g. `cerberus`' }) channel!: string;
  @ApiProperty({ description: 'Events waiting to be delivered' }) pending!: number;
  @ApiProperty({ description: 'Dead-lettered events (an admin redrives them)' }) dead!: number;
  @ApiProperty({ description: 'Seconds since the oldest waiting event was recorded' }) oldestPendingSeconds!: number;
  @ApiProperty() deliveredLastHour!: number;
  @ApiProperty({ enum: ['open', 'closed'] }) circuit!: 'open' | 'closed';
  @ApiNullableDateTime() circuitOpenedAt!: string | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ description: 'The circuit is open, an event is dead, or one has waited over 15 minutes' })
  alert!: boolean;
}

export class OutboxHealthView {
  @ApiProperty({ type: () => [OutboxChannelHealthView] }) channels!: OutboxChannelHealthView[];
}
