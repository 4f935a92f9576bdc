import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from './access.js';
import { ClientIp, CurrentScope } from './caller.decorator.js';
import { RequirePermission } from './permissions.js';
import { GrantCoverDto, type TeamCoverView } from './team-cover.dto.js';
import { TeamCoverService } from './team-cover.service.js';

/** Managers grant and end time-limited cover of a team in their command. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/team-covers')
export class TeamCoverController {
  constructor(private readonly covers: TeamCoverService) {}

  @RequirePermission('teams.cover')
  @Get()
  async list(@CurrentScope() scope: AccessScope): Promise<{ covers: TeamCoverView[] }> {
    return { covers: await this.covers.list(scope) };
  }

  @RequirePermission('teams.cover')
  @Post()
  @HttpCode(201)
  grant(
    @CurrentScope() scope: AccessScope,
    @Body() dto: GrantCoverDto,
    @ClientIp() ip: string,
  ): Promise<TeamCoverView> {
    return this.covers.grant(scope, dto, ip);
  }

  @RequirePermission('teams.cover')
  @Delete(':id')
  @HttpCode(204)
  async revoke(
    @CurrentScope() scope: AccessScope,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.covers.revoke(scope, id, ip);
  }
}
