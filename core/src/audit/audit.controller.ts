import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../identity/permissions.js';
import type { ChainReport } from './audit-chain.js';
import { AuditSealer } from './audit-sealer.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly sealer: AuditSealer) {}

  /** Seals what is pending, then walks the whole chain and reports the first broken link. */
  @RequirePermission('audit.verify')
  @Get('verify')
  verify(): Promise<ChainReport> {
    return this.sealer.verify();
  }
}
