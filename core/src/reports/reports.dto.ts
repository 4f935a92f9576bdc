import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import type { ReportParameterDefinition } from '../sdk/manifest.js';
import type { ReportDefinition } from './report-definition.js';
import type { ReportRunRecord } from './report-runs.repository.js';

export class CreateRunDto {
  @ApiPropertyOptional({ description: 'Parameter values by name, e.g. { from: "2026-11-01", to: "2026-11-30" }' })
  @IsOptional()
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

/** A report as the shell lists it. */
export interface ReportDto {
  id: string;
  pluginId: string | null;
  title: string;
  description: string;
  parameters: ReportParameterDefinition[];
  schedule: string | null;
  /** When the schedule in force next produces the report (ISO); null without one. */
  nextRun: string | null;
}

/** A run's status, as polled by the shell. */
export interface ReportRunDto {
  id: string;
  reportId: string;
  title: string;
  parameters: Record<string, string>;
  status: ReportRunRecord['status'];
  progress: { percent: number; rowsDone: number; rowsTotal?: number };
  scheduled: boolean;
  scheduledFor: Date | null;
  generatedBy: string;
  pages: number | null;
  bytes: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** Where to download the PDF once done. */
  pdf: string | null;
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
