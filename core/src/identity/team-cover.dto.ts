import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { TeamCoverKind } from './team-cover.entity.js';
import type { TeamCoverRow } from './team-cover.repository.js';
import type { LabelLookup } from './auth.dto.js';
import { ApiDateTime, ApiNullableDateTime } from '../openapi/api-schema.js';

export class GrantCoverDto {
  @ApiProperty({ description: 'Username of the person who will cover the team' })
  @IsString()
  @IsNotEmpty({ message: 'Enter the username of the person covering the team' })
  @MaxLength(100)
  username!: string;

  @ApiProperty({ description: 'Team id from the teams reference set' })
  @IsString()
  @IsNotEmpty({ message: 'Select the team they will cover' })
  @MaxLength(100)
  teamId!: string;

  @ApiPropertyOptional({ description: 'When the cover starts (ISO 8601); now if left out' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Enter the start as a date and time' })
  validFrom?: string;

  @ApiPropertyOptional({ description: 'When the cover ends (ISO 8601); required for a cover, at most 31 days on' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Enter the end as a date and time' })
  validTo?: string;

  @ApiProperty({ description: 'Why the cover is needed, for the audit trail' })
  @IsString()
  @IsNotEmpty({ message: 'Enter why the cover is needed' })
  @MaxLength(500, { message: 'The reason must be 500 characters or fewer' })
  reason!: string;

  @ApiPropertyOptional({ enum: ['cover', 'member'], description: 'A standing membership (admins only) or a cover' })
  @IsOptional()
  @IsIn(['cover', 'member'], { message: 'Choose cover or member' })
  kind?: TeamCoverKind;
}

/** A membership or cover as the shell sees it. */
export class TeamCoverView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ enum: ['cover', 'member'] }) kind!: TeamCoverKind;
  @ApiProperty() reason!: string;
  @ApiDateTime() validFrom!: string;
  @ApiNullableDateTime('Null for a standing membership') validTo!: string | null;
}

export class TeamCoverList {
  @ApiProperty({ type: () => TeamCoverView, isArray: true }) covers!: TeamCoverView[];
}

/** A team the caller may start a shift on. */
export class ShiftTeamView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['home', 'member', 'cover'], description: 'Their own team, a membership or a cover' })
  via!: 'home' | TeamCoverKind;
  @ApiNullableDateTime('When a cover ends') validTo!: string | null;
}

export class ShiftTeamList {
  @ApiProperty({ type: () => ShiftTeamView, isArray: true }) teams!: ShiftTeamView[];
}

export function toTeamCoverView(row: TeamCoverRow, label: LabelLookup): TeamCoverView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    teamId: row.teamId,
    teamName: label('teams', row.teamId) ?? row.teamId,
    kind: row.kind,
    reason: row.reason,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo?.toISOString() ?? null,
  };
}
