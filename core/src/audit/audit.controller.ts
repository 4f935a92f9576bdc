import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequirePermission } from '../identity/permissions.js';
import { sealAudit, verifyAuditChain, WHOLE_LOG, type ChainReport } from './audit-chain.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seals what is pending, then walks the whole chain and reports the first broken link. */
  @RequirePermission('audit.verify')
  @Get('verify')
  async verify(): Promise<ChainReport> {
    await sealAudit(this.dataSource, 100_000, WHOLE_LOG);
    return verifyAuditChain(this.dataSource);
  }
}
