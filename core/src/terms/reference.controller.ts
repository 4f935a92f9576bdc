import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { NotFoundError } from '../common/errors.js';
import { RequirePermission } from '../identity/permissions.js';
import { REFERENCE } from '../tokens.js';
import type { ReferenceCatalogue } from './reference-catalogue.js';
import { ReferenceRowsView, ReferenceSetsView } from './reference.dto.js';
import { toNumber } from '../common/validation.pipe.js';

export class ReferenceQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsString()
  @MaxLength(60)
  flag?: string;

  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeRetired?: boolean;

  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api/reference')
export class ReferenceController {
  constructor(@Inject(REFERENCE) private readonly catalogue: ReferenceCatalogue) {}

  /** The reference data sets there are. */
  @RequirePermission('reference.read')
  @Get()
  @ApiOkResponse({ type: ReferenceSetsView })
  sets(): ReferenceSetsView {
    return { sets: this.catalogue.setIds(), details: [...this.catalogue.setSummaries()] };
  }

  /** Rows of one set that may be chosen today, searchable for autocomplete. */
  @RequirePermission('reference.read')
  @Get(':set')
  @ApiOkResponse({ type: ReferenceRowsView })
  rows(@Param('set') set: string, @Query() query: ReferenceQueryDto): ReferenceRowsView {
    if (!this.catalogue.has(set)) throw new NotFoundError(`There is no reference data set "${set}"`);
    const rows = this.catalogue.search(set, { ...query, at: new Date(), limit: query.limit ?? 1000 });
    return { set, rows };
  }
}
