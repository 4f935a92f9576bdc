import type { MultipartFile } from '@fastify/multipart';
import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { AttachmentListView, AttachmentView } from './attachment-view.dto.js';
import { AttachmentsService, type FileReader } from './attachments.service.js';

const uuid = new UuidParamPipe();

/** The request's one file part, read as a stream with the byte limit given (busboy cuts the rest). */
function fileReader(request: FastifyRequest): FileReader {
  return async (maxBytes) => {
    const part: MultipartFile | undefined = await request.file({
      limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 },
      preservePath: true,
    });
    return part && { filename: part.filename, stream: part.file };
  };
}

/**
 * File questions' uploads: to a draft (`drafts/:draftId/attachments`, the start form or `?form=`)
 * or for a case's action form (`cases/:id/actions/:actionId/attachments`), one file per request as
 * multipart/form-data, `?field=` naming the answer path (`photo`, `attachments[0].file`).
 */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('api')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @RequirePermission('cases.submit')
  @Post('plugins/:pluginId/drafts/:draftId/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'field', description: 'The answer path of the file question' })
  @ApiQuery({ name: 'form', required: false, description: "The form, when not the plugin's start form" })
  @ApiCreatedResponse({ type: AttachmentView })
  uploadToDraft(
    @Param('pluginId') pluginId: string,
    @Param('draftId', uuid) draftId: string,
    @Query('field') field: string | undefined,
    @Query('form') formId: string | undefined,
    @Req() request: FastifyRequest,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<AttachmentView> {
    return this.attachments.upload({ kind: 'draft', pluginId, draftId, formId }, field, fileReader(request), scope, ip);
  }

  @RequirePermission('cases.submit')
  @Get('plugins/:pluginId/drafts/:draftId/attachments')
  @ApiQuery({ name: 'form', required: false })
  @ApiOkResponse({ type: AttachmentListView })
  draftUploads(
    @Param('pluginId') pluginId: string,
    @Param('draftId', uuid) draftId: string,
    @Query('form') formId: string | undefined,
    @CurrentScope() scope: AccessScope,
  ): Promise<AttachmentListView> {
    return this.attachments.list({ kind: 'draft', pluginId, draftId, formId }, scope);
  }

  @RequirePermission('cases.submit')
  @Delete('plugins/:pluginId/drafts/:draftId/attachments/:attachmentId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeFromDraft(
    @Param('pluginId') pluginId: string,
    @Param('draftId', uuid) draftId: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.attachments.remove({ kind: 'draft', pluginId, draftId }, attachmentId, scope, ip);
  }

  @RequirePermission('cases.act')
  @Post('cases/:id/actions/:actionId/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'field', description: 'The answer path of the file question in the action form' })
  @ApiCreatedResponse({ type: AttachmentView })
  uploadForAction(
    @Param('id') caseId: string,
    @Param('actionId') actionId: string,
    @Query('field') field: string | undefined,
    @Req() request: FastifyRequest,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<AttachmentView> {
    return this.attachments.upload({ kind: 'case', caseId, actionId }, field, fileReader(request), scope, ip);
  }

  @RequirePermission('cases.act')
  @Get('cases/:id/actions/:actionId/attachments')
  @ApiOkResponse({ type: AttachmentListView })
  actionUploads(
    @Param('id') caseId: string,
    @Param('actionId') actionId: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<AttachmentListView> {
    return this.attachments.list({ kind: 'case', caseId, actionId }, scope);
  }

  @RequirePermission('cases.act')
  @Delete('cases/:id/actions/:actionId/attachments/:attachmentId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeFromAction(
    @Param('id') caseId: string,
    @Param('actionId') actionId: string,
    @Param('attachmentId', uuid) attachmentId: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<void> {
    await this.attachments.remove({ kind: 'case', caseId, actionId }, attachmentId, scope, ip);
  }

  /** A case's files (those its form and actions use), with their scan state. */
  @RequirePermission('cases.read')
  @Get('cases/:id/attachments')
  @ApiOkResponse({ type: AttachmentListView })
  caseFiles(@Param('id') caseId: string, @CurrentScope() scope: AccessScope): Promise<AttachmentListView> {
    return this.attachments.forCase(caseId, scope);
  }

  /** A photo's thumbnail: at most 320 pixels, upright, JPEG, no metadata; 404 for other files. */
  @RequirePermission('cases.read')
  @Get('attachments/:attachmentId/thumbnail')
  @ApiProduces('image/jpeg')
  @ApiOkResponse({ description: 'The thumbnail, a JPEG' })
  async thumbnail(
    @Param('attachmentId') attachmentId: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const image = await this.attachments.thumbnail(attachmentId, scope, ip);
    await reply
      .header('content-type', 'image/jpeg')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(image);
  }

  /** A file's bytes (photos without their metadata): 404 out of reach, 409 while quarantined or when infected; audited. */
  @RequirePermission('cases.read')
  @Get('attachments/:attachmentId')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async download(
    @Param('attachmentId') attachmentId: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { record, stream, asStored } = await this.attachments.download(attachmentId, scope, ip);
    const ascii = record.name.replace(/[^\w. -]/g, '_');
    if (asStored) void reply.header('content-length', String(record.size));
    await reply
      .header('content-type', record.contentType)
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(record.name)}`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-store')
      .send(stream);
  }
}
