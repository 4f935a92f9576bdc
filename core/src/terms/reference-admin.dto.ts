import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString } from 'class-validator';
import { ApiNullableDateTime, ApiNullableString } from '../openapi/api-schema.js';
import { ReferenceSetView } from './reference.dto.js';
import type { AdminRowRecord } from './reference-admin.repository.js';
import { MAX_ATTRIBUTES, MAX_ID, MAX_LABEL, ROW_ID } from './reference-admin.rules.js';
import { RawJson } from '../common/validation.pipe.js';

/** Text fields arrive trimmed; the rules (reference-admin.rules.ts) give the field-level messages. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = { type: String, format: 'date', example: '2026-04-12' } as const;
const ATTRIBUTES = {
  type: 'object' as const,
  additionalProperties: {
    oneOf: [{ type: 'string' as const }, { type: 'number' as const }, { type: 'boolean' as const }],
  },
  maxProperties: MAX_ATTRIBUTES,
};

/** `POST /api/reference/:set/rows`: a row an admin adds. */
export class AddReferenceRowDto {
  @ApiProperty({ maxLength: MAX_ID, pattern: ROW_ID.source, description: 'Never changes once added' })
  @Transform(trim)
  @IsString({ message: 'Enter the id as text' })
  id!: string;

  @ApiProperty({ maxLength: MAX_LABEL, description: 'What officers see' })
  @Transform(trim)
  @IsString({ message: 'Enter the label as text' })
  label!: string;

  @ApiPropertyOptional({ description: 'Id of an existing row of the same set, for trees' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'Enter the parent as the id of a row' })
  parent?: string;

  @ApiPropertyOptional({ ...ATTRIBUTES, description: 'Set-specific facts, e.g. an item’s `defaultUnit`' })
  @IsOptional()
  @RawJson()
  @IsObject({ message: 'attributes must be an object of names and values' })
  attributes?: Record<string, unknown>;

  @ApiPropertyOptional({ ...DATE, description: 'First day the row may be chosen; today when left out' })
  @IsOptional()
  @IsString({ message: 'The start date must be a real date' })
  validFrom?: string;

  @ApiPropertyOptional({ ...DATE, description: 'Last day the row may be chosen; none when left out' })
  @IsOptional()
  @IsString({ message: 'The end date must be a real date' })
  validTo?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'For a per-workflow set (required there, refused elsewhere): the workflows whose forms offer the row',
  })
  @IsOptional()
  @IsArray({ message: 'workflows must be a list of workflow ids' })
  @ArrayMaxSize(100)
  @IsString({ each: true, message: 'workflows must be a list of workflow ids' })
  workflows?: string[];
}

/** `PATCH /api/reference/:set/rows/:rowId`: what changes; a seeded row may only be end-dated. */
export class ChangeReferenceRowDto {
  @ApiPropertyOptional({ maxLength: MAX_LABEL, description: 'A new label (rows an admin added only)' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'Enter the label as text' })
  label?: string;

  @ApiPropertyOptional({
    ...DATE,
    nullable: true,
    description: 'The last day the row may be chosen; null removes the end date (an admin’s, on a seeded row)',
  })
  @IsOptional()
  @IsString({ message: 'The end date must be a real date' })
  validTo?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'New workflows (rows an admin added to a per-workflow set)' })
  @IsOptional()
  @IsArray({ message: 'workflows must be a list of workflow ids' })
  @ArrayMaxSize(100)
  @IsString({ each: true, message: 'workflows must be a list of workflow ids' })
  workflows?: string[];
}

/** A row as admins see it: retired and future rows too, and who added it. */
export class ReferenceRowAdminView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ ...DATE, description: 'First day the row may be chosen' }) validFrom!: string;
  @ApiProperty({ ...DATE, nullable: true, description: 'Last day the row may be chosen; null: no end' })
  validTo!: string | null;
  @ApiNullableString('Id of the parent row') parent!: string | null;
  @ApiProperty({ ...ATTRIBUTES, nullable: true }) attributes!: Record<string, string | number | boolean> | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Workflows whose forms offer it; null: every workflow' })
  workflows!: string[] | null;
  @ApiProperty({ enum: ['seed', 'admin'], description: 'Whether it came with the platform or an admin added it' })
  source!: 'seed' | 'admin';
  @ApiProperty({ enum: ['current', 'retired', 'future'], description: 'Whether it may be chosen today' })
  status!: 'current' | 'retired' | 'future';
  @ApiNullableString('Username of the admin who added it') addedBy!: string | null;
  @ApiNullableDateTime('When an admin added it') addedAt!: string | null;
}

/** A workflow that claims rows of a per-workflow set, which an admin's row may be offered to. */
export class ReferenceWorkflowView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

/** `GET /api/reference/:set/rows`. */
export class ReferenceSetAdminView {
  @ApiProperty({ type: () => ReferenceSetView }) set!: ReferenceSetView;
  @ApiNullableString('Why its rows cannot be added or end-dated here; null when they can') locked!: string | null;
  @ApiProperty({
    type: () => [ReferenceWorkflowView],
    description: 'For a per-workflow set: the workflows an added row may be offered to',
  })
  workflows!: ReferenceWorkflowView[];
  @ApiProperty({ type: () => [ReferenceRowAdminView], description: 'Every row, by label' })
  rows!: ReferenceRowAdminView[];
}

export function toRowAdminView(row: AdminRowRecord, today: string): ReferenceRowAdminView {
  return {
    id: row.id,
    label: row.label,
    validFrom: row.validFrom,
    validTo: row.validTo,
    parent: row.parent,
    attributes: row.attributes,
    workflows: row.flags,
    source: row.source,
    status: row.validFrom > today ? 'future' : row.validTo !== null && row.validTo < today ? 'retired' : 'current',
    addedBy: row.addedBy,
    addedAt: row.addedAt?.toISOString() ?? null,
  };
}
