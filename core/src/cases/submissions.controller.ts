import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { SaveDraftDto, SubmitCaseDto } from './cases.dto.js';
import { CaseViewService } from './case-view.service.js';
import { CaseView } from './case-view.dto.js';
import { DraftsService } from './drafts.service.js';
import { DraftView, PrefillView } from './draft-view.dto.js';
import { SubmissionService } from './submission.service.js';

/** Starting cases from a plugin's form, and drafts of them. Mounted under the plugin gate. */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('api/plugins/:pluginId')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionService,
    private readonly drafts: DraftsService,
    private readonly views: CaseViewService,
  ) {}

  @RequirePermission('cases.submit')
  @Post('cases')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat a submission safely: the same key returns the first case',
  })
  @ApiCreatedResponse({ type: CaseView, description: 'The case was created' })
  @ApiOkResponse({ type: CaseView, description: 'Replayed: the case first created with this Idempotency-Key' })
  async submit(
    @Param('pluginId') pluginId: string,
    @Body() dto: SubmitCaseDto,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CaseView> {
    const { view, replayed } = await this.submissions.submit(pluginId, scope, {
      ...dto,
      idempotencyKey: idempotencyKey?.slice(0, 200),
      ip,
    });
    void reply.status(replayed ? 200 : 201).header('location', `/api/cases/${view.id}`);
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return view;
  }

  @RequirePermission('cases.submit')
  @Get('forms/:formId/prefill')
  @ApiOkResponse({ type: PrefillView })
  prefill(
    @Param('pluginId') pluginId: string,
    @Param('formId') formId: string,
    @CurrentScope() scope: AccessScope,
    @Query('linked') linked?: string,
  ): Promise<PrefillView> {
    return this.drafts.prefill(pluginId, formId, scope, linked);
  }

  @RequirePermission('cases.submit')
  @Put('drafts/:draftId')
  @ApiOkResponse({ type: DraftView })
  saveDraft(
    @Param('pluginId') pluginId: string,
    @Param('draftId', new UuidParamPipe()) draftId: string,
    @Body() dto: SaveDraftDto,
    @CurrentScope() scope: AccessScope,
  ): Promise<DraftView> {
    return this.drafts.save(pluginId, draftId, dto, scope);
  }

  @RequirePermission('cases.submit')
  @Get('drafts/:draftId')
  @ApiOkResponse({ type: DraftView })
  getDraft(
    @Param('draftId', new UuidParamPipe()) draftId: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<DraftView> {
    return this.drafts.get(draftId, scope);
  }

  @RequirePermission('cases.submit')
  @Delete('drafts/:draftId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteDraft(
    @Param('draftId', new UuidParamPipe()) draftId: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<void> {
    await this.drafts.remove(draftId, scope);
  }
}
