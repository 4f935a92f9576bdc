import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../identity/auth.guard.js';
import { CurrentCaller } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { PluginListView, PluginStatusListView, PluginStatusView } from './plugin.dto.js';
import { PluginsService } from './plugins.service.js';

@ApiTags('plugins')
@ApiBearerAuth()
@Controller('api/plugins')
export class PluginsController {
  constructor(private readonly plugins: PluginsService) {}

  /** Enabled plugins with everything the shell needs to render them. */
  @RequirePermission('plugins.read')
  @Get()
  @ApiOkResponse({ type: PluginListView })
  list(@CurrentCaller() caller: Caller): PluginListView {
    return { plugins: this.plugins.list(caller.roles) };
  }

  /** Every plugin found, with version, state and quarantine reason. */
  @RequirePermission('plugins.manage')
  @Get('status')
  @ApiOkResponse({ type: PluginStatusListView })
  status(): PluginStatusListView {
    return { plugins: this.plugins.status() };
  }

  @RequirePermission('plugins.manage')
  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: PluginStatusView })
  enable(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PluginStatusView> {
    return this.plugins.setEnabled(id, true, caller.username);
  }

  @RequirePermission('plugins.manage')
  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: PluginStatusView })
  disable(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<PluginStatusView> {
    return this.plugins.setEnabled(id, false, caller.username);
  }
}
