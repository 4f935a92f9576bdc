import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { SearchQueryDto } from './cases.dto.js';
import { SearchResult } from './search-result.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Every case the caller may see holding a value of a standard term (`term=vehicle.registration&value=ab12 cde`). */
  @RequirePermission('search.run')
  @Get()
  @ApiOkResponse({ type: SearchResult })
  byTerm(@Query() q: SearchQueryDto, @CurrentScope() scope: AccessScope): Promise<SearchResult> {
    return this.search.byTerm(scope, q.term, q.value, q.limit ?? 100);
  }
}
