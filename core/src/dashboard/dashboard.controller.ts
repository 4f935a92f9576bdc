import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { DashboardService, type DashboardView } from './dashboard.service.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The managers' dashboard (managers: their command; admins: every command); 403 for other roles. */
  @RequirePermission('reports.read')
  @Get()
  @ApiQuery({
    name: 'month',
    required: false,
    example: '2026-10',
    description: 'yyyy-mm; this month (UK time) by default',
  })
  @ApiOkResponse({ description: 'Tiles: figures this month, last month and the same month last year, charts, links' })
  view(@Query('month') month: string | undefined, @CurrentScope() scope: AccessScope): Promise<DashboardView> {
    return this.dashboard.view(scope, { month });
  }
}
