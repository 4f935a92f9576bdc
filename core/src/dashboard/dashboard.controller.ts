import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { DashboardCases, DashboardView } from './dashboard.dto.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The managers' dashboard (managers: their command; admins: every command); 403 for other roles. */
  @RequirePermission('reports.dashboard')
  @Get()
  @ApiQuery({
    name: 'month',
    required: false,
    example: '2026-10',
    description: 'yyyy-mm; this month (UK time) by default',
  })
  @ApiOkResponse({
    type: DashboardView,
    description: 'Tiles: figures this month, last month and the same month last year, charts, links',
  })
  view(@Query('month') month: string | undefined, @CurrentScope() scope: AccessScope): Promise<DashboardView> {
    return this.dashboard.view(scope, { month });
  }

  /** The cases behind a tile this month (`part=true`: those its share counts), newest first, at most 200. */
  @RequirePermission('reports.dashboard')
  @Get('cases')
  @ApiQuery({ name: 'tile', required: true, example: '<plugin>.<report>.<tile>' })
  @ApiQuery({ name: 'month', required: false, example: '2026-10' })
  @ApiQuery({ name: 'part', required: false, example: 'true' })
  @ApiOkResponse({ type: DashboardCases, description: 'The cases: reference, when, state and team' })
  cases(
    @Query('tile') tile: string | undefined,
    @Query('month') month: string | undefined,
    @Query('part') part: string | undefined,
    @CurrentScope() scope: AccessScope,
  ): Promise<DashboardCases> {
    return this.dashboard.cases(scope, { tile, month, part });
  }
}
