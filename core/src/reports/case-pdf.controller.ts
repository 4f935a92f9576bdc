import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { LOGGER } from '../tokens.js';
import { CasePdfService } from './case-pdf.service.js';
import { sendPdf } from './pdf-reply.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasePdfController {
  constructor(
    private readonly pdfs: CasePdfService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The case as an evidence-pack PDF; 404 when the caller may not see the case. */
  @RequirePermission('cases.read')
  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF' })
  async pdf(
    @Param('id') id: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
    @Res() reply: FastifyReply,
  ) {
    await sendPdf(reply, await this.pdfs.pdf(id, scope, ip), this.logger);
  }
}
