import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../identity/permissions.js';
import { CerberusInboundService, type TargetReceipt } from './cerberus-inbound.service.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';

/** Cerberus's door: machine-authenticated by HMAC signature, not by a user's token. */
@ApiTags('integrations')
@Controller('api/integrations/cerberus')
export class CerberusController {
  constructor(private readonly inbound: CerberusInboundService) {}

  /** Accepts a target information sheet (docs/cerberus.md). 201 new, 200 replay/older/updated. */
  @Public()
  @Post('targets')
  @HttpCode(200)
  @ApiHeader({ name: TIMESTAMP_HEADER, required: true, description: 'Unix seconds when signed' })
  @ApiHeader({
    name: SIGNATURE_HEADER,
    required: true,
    description: 'sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
  })
  async receive(
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
    @Headers(TIMESTAMP_HEADER) timestamp?: string,
    @Headers(SIGNATURE_HEADER) signature?: string,
  ): Promise<TargetReceipt> {
    this.inbound.authenticate({ timestamp, signature }, request.rawBody, request.ip);
    const receipt = await this.inbound.receive(body, request.ip);
    if (receipt.status === 'created') void reply.status(201);
    return receipt;
  }
}
