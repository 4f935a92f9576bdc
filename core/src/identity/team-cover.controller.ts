import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from './access.js';
import { ClientIp, CurrentScope } from './caller.decorator.js';
import { RequirePermission } from './permissions.js';
import { GrantCoverDto, TeamCoverList, TeamCoverView } from './team-cover.dto.js';
import { TeamCoverService } from './team-cover.service.js';

/** Managers grant and end time-limited cover of a team in their command. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('api/team-covers')
export class TeamCoverController {
  constructor(private readonly covers: TeamCoverService) {}

  @RequirePermission('teams.cover')
  @Get()
  @ApiOkResponse({ type: TeamCoverList })
  async list(@CurrentScope() scope: AccessScope): Promise<TeamCoverList> {
    return { covers: await this.covers.list(scope) };
  }

  @RequirePermission('teams.cover')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: TeamCoverView })
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
  @ApiNoContentResponse()
  async revoke(
    @CurrentScope() scope: AccessScope,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.covers.revoke(scope, id, ip);
  }
}
