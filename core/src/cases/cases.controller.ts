import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { CaseActionsService } from './case-actions.service.js';
import { CaseViewService } from './case-view.service.js';
import { CaseAuditView, CaseListPage, CaseView, CommentCreatedView } from './case-view.dto.js';
import { ActionDto, CaseListQueryDto, CommentDto } from './cases.dto.js';
import { DraftListView } from './draft-view.dto.js';
import { DraftsService } from './drafts.service.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api')
export class CasesController {
  constructor(
    private readonly views: CaseViewService,
    private readonly actions: CaseActionsService,
    private readonly drafts: DraftsService,
  ) {}

  /** Cases the caller may see, newest first, keyset-paged. */
  @RequirePermission('cases.read')
  @Get('cases')
  @ApiOkResponse({ type: CaseListPage })
  list(@Query() query: CaseListQueryDto, @CurrentScope() scope: AccessScope): Promise<CaseListPage> {
    return this.views.list(
      scope,
      { pluginId: query.plugin, state: query.state, businessKey: query.businessKey },
      query.limit ?? 50,
      query.cursor,
    );
  }

  /** One case by id or business key; 404 when it does not exist or is out of the caller's reach. */
  @RequirePermission('cases.read')
  @Get('cases/:id')
  @ApiOkResponse({ type: CaseView })
  view(@Param('id') id: string, @CurrentScope() scope: AccessScope, @ClientIp() ip: string): Promise<CaseView> {
    return this.views.view(id, scope, ip);
  }

  /** The case's full audit trail (views included, before and after, client address): managers and admins. */
  @RequirePermission('audit.read')
  @Get('cases/:id/audit')
  @ApiOkResponse({ type: CaseAuditView })
  audit(@Param('id') id: string, @CurrentScope() scope: AccessScope, @ClientIp() ip: string): Promise<CaseAuditView> {
    return this.views.audit(id, scope, ip).then((entries) => ({ entries }));
  }

  /** Takes a workflow action ("Assign to intelligence", "Close"), with the action's form answers if it has one. */
  @RequirePermission('cases.act')
  @Post('cases/:id/actions/:actionId')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseView })
  act(
    @Param('id') id: string,
    @Param('actionId') actionId: string,
    @Body() dto: ActionDto,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<CaseView> {
    return this.actions.act(id, actionId, scope, { ...dto, ip });
  }

  @RequirePermission('cases.act')
  @Post('cases/:id/comments')
  @ApiCreatedResponse({ type: CommentCreatedView })
  comment(
    @Param('id') id: string,
    @Body() dto: CommentDto,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<CommentCreatedView> {
    return this.actions.comment(id, dto.body, scope, ip);
  }

  /** The caller's drafts, newest first. */
  @RequirePermission('cases.submit')
  @Get('drafts')
  @ApiOkResponse({ type: DraftListView })
  async myDrafts(@CurrentScope() scope: AccessScope): Promise<DraftListView> {
    return { drafts: await this.drafts.list(scope) };
  }
}
