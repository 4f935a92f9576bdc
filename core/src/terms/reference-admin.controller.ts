import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import {
  AddReferenceRowDto,
  ChangeReferenceRowDto,
  ReferenceRowAdminView,
  ReferenceSetAdminView,
} from './reference-admin.dto.js';
import { ReferenceAdminService } from './reference-admin.service.js';

/** Admins add reference rows and end-date them at runtime (docs/forms.md, "Reference data for admins"). */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api/reference')
export class ReferenceAdminController {
  constructor(private readonly rows: ReferenceAdminService) {}

  /** Every row of a set, retired and future ones included, and who added it. */
  @RequirePermission('reference.manage')
  @Get(':set/rows')
  @ApiOkResponse({ type: ReferenceSetAdminView })
  list(@Param('set') set: string): Promise<ReferenceSetAdminView> {
    return this.rows.list(set);
  }

  /** Adds a row; a 400 names each field at fault and nothing is stored. */
  @RequirePermission('reference.manage')
  @Post(':set/rows')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReferenceRowAdminView })
  add(
    @CurrentScope() scope: AccessScope,
    @Param('set') set: string,
    @Body() dto: AddReferenceRowDto,
    @ClientIp() ip: string,
  ): Promise<ReferenceRowAdminView> {
    return this.rows.add(scope, set, dto, ip);
  }

  /** Changes a row's label, end date or workflows; a seeded row may only be end-dated. */
  @RequirePermission('reference.manage')
  @Patch(':set/rows/:rowId')
  @ApiOkResponse({ type: ReferenceRowAdminView })
  change(
    @CurrentScope() scope: AccessScope,
    @Param('set') set: string,
    @Param('rowId') rowId: string,
    @Body() dto: ChangeReferenceRowDto,
    @ClientIp() ip: string,
  ): Promise<ReferenceRowAdminView> {
    return this.rows.change(scope, set, rowId, dto, ip);
  }
}
