import { ApiProperty } from '@nestjs/swagger';
import { ApiNullableDateTime, ApiNullableString, ApiStringMap } from '../openapi/api-schema.js';

/** A report's schedule as the API shows it (`GET` and `PUT /api/reports/:reportId/schedule`). */
export class ReportScheduleDto {
  @ApiProperty() reportId!: string;
  @ApiNullableString('The cron expression in force (UK time), or null when the report has none') cron!: string | null;
  @ApiNullableString('The report’s own schedule, used when no cron is set here') defaultCron!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiStringMap('Fixed parameters of every scheduled run; the period and command are filled in per run')
  parameters!: Record<string, string>;
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
  @ApiNullableString('When the next scheduled run is queued (ISO); null when disabled or without a cron')
  nextRun!: string | null;
  @ApiProperty({ enum: ['default', 'custom'], description: '`default` until someone sets the schedule' })
  source!: 'default' | 'custom';
  @ApiNullableDateTime() updatedAt!: Date | null;
  @ApiNullableString() updatedBy!: string | null;
}
