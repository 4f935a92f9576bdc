import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { ApiDateTime, ApiNullableDateTime, ApiNullableString, ApiStringMap } from '../openapi/api-schema.js';
import type { ReportParameterDefinition } from '../sdk/manifest.js';
import type { ReportDefinition } from './report-definition.js';
import type { ReportRunRecord } from './report-runs.repository.js';
import { RawJson } from '../common/validation.pipe.js';

const PARAMETER_TYPES = [
  'date',
  'month',
  'team',
  'command',
  'port',
  'select',
] as const satisfies readonly ReportParameterDefinition['type'][];
const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const satisfies readonly ReportRunRecord['status'][];

export class CreateRunDto {
  @ApiPropertyOptional({ description: 'Parameter values by name, e.g. { from: "2026-11-01", to: "2026-11-30" }' })
  @IsOptional()
  @RawJson()
  @IsObject({ message: 'parameters must be an object' })
  parameters?: Record<string, unknown>;
}

export class RunListQueryDto {
  @ApiProperty({
    required: false,
    description: 'Only runs the caller requested, plus the scheduled runs of their command',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;
}

export class ReportParameterOptionView {
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
}

/** One parameter a report asks for (the SDK's ReportParameterDefinition, as sent). */
export class ReportParameterView {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty({
    enum: PARAMETER_TYPES,
    enumName: 'ReportParameterType',
    description: 'date: yyyy-mm-dd; month: yyyy-mm; team / command / port: an id from that reference data',
  })
  type!: ReportParameterDefinition['type'];
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional() hint?: string;
  @ApiPropertyOptional({ type: () => [ReportParameterOptionView], description: 'The choices of a `select`' })
  options?: ReportParameterOptionView[];
}

/** A report as the shell lists it. */
export class ReportDto {
  @ApiProperty() id!: string;
  @ApiNullableString('Null for a cross-workflow report') pluginId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: () => [ReportParameterView] }) parameters!: ReportParameterView[];
  @ApiNullableString('The cron in force (UK time), null when there is none or it is disabled') schedule!: string | null;
  @ApiNullableString('When the schedule in force next produces the report (ISO); null without one')
  nextRun!: string | null;
}

export class ReportListView {
  @ApiProperty({ type: () => [ReportDto] }) reports!: ReportDto[];
}

export class RunProgressView {
  @ApiProperty() percent!: number;
  @ApiProperty() rowsDone!: number;
  @ApiPropertyOptional({ description: 'Absent until the query has counted them' }) rowsTotal?: number;
}

/** A run's status, as polled by the shell. */
export class ReportRunDto {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty() title!: string;
  @ApiStringMap() parameters!: Record<string, string>;
  @ApiProperty({ enum: RUN_STATUSES, enumName: 'ReportRunStatus' }) status!: ReportRunRecord['status'];
  @ApiProperty({ type: () => RunProgressView }) progress!: RunProgressView;
  @ApiProperty() scheduled!: boolean;
  @ApiNullableDateTime() scheduledFor!: Date | null;
  @ApiProperty() generatedBy!: string;
  @ApiProperty({ type: Number, nullable: true }) pages!: number | null;
  @ApiProperty({ type: Number, nullable: true }) bytes!: number | null;
  @ApiNullableString() error!: string | null;
  @ApiDateTime() createdAt!: Date;
  @ApiNullableDateTime() finishedAt!: Date | null;
  @ApiNullableString('Where to download the PDF once done') pdf!: string | null;
}

export class ReportRunListView {
  @ApiProperty({ type: () => [ReportRunDto] }) runs!: ReportRunDto[];
}

export function toReportDto(d: ReportDefinition): ReportDto {
  return {
    id: d.key,
    pluginId: d.pluginId,
    title: d.report.title,
    description: d.report.description,
    parameters: d.report.parameters ?? [],
    schedule: d.report.schedule ?? null,
    nextRun: null,
  };
}

export function toRunDto(r: ReportRunRecord): ReportRunDto {
  return {
    id: r.id,
    reportId: r.reportId,
    title: r.title,
    parameters: r.parameters,
    status: r.status,
    progress: { percent: r.percent, rowsDone: r.rowsDone, ...(r.rowsTotal === null ? {} : { rowsTotal: r.rowsTotal }) },
    scheduled: r.scheduledFor !== null,
    scheduledFor: r.scheduledFor,
    generatedBy: r.generatedBy,
    pages: r.pages,
    bytes: r.bytes === null ? null : Number(r.bytes),
    error: r.error,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    pdf: r.status === 'done' ? `/api/reports/runs/${r.id}/pdf` : null,
  };
}
