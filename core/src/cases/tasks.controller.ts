import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { ClientIp, CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { AssignDto, TaskListQueryDto } from './cases.dto.js';
import { TaskPage, TaskView } from './task-view.js';
import { TasksService } from './tasks.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** My tasks (`scope=mine`) or my team's (`scope=team`), filtered, sorted and keyset-paged. */
  @RequirePermission('tasks.read')
  @Get()
  @ApiOkResponse({ type: TaskPage })
  list(@Query() q: TaskListQueryDto, @CurrentScope() scope: AccessScope): Promise<TaskPage> {
    return this.tasks.list(scope, {
      scope: q.scope ?? 'mine',
      pluginId: q.plugin,
      caseState: q.state,
      priority: q.priority,
      overdue: q.overdue,
      businessKey: q.businessKey,
      sort: q.sort ?? 'priority',
      limit: q.limit ?? 25,
      cursor: q.cursor,
    });
  }

  @RequirePermission('tasks.work')
  @Post(':id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  claim(@Param('id', uuid) id: string, @CurrentScope() scope: AccessScope, @ClientIp() ip: string): Promise<TaskView> {
    return this.tasks.claim(id, scope, ip);
  }

  @RequirePermission('tasks.work')
  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  unclaim(
    @Param('id', uuid) id: string,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<TaskView> {
    return this.tasks.unclaim(id, scope, ip);
  }

  @RequirePermission('tasks.assign')
  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  assign(
    @Param('id', uuid) id: string,
    @Body() dto: AssignDto,
    @CurrentScope() scope: AccessScope,
    @ClientIp() ip: string,
  ): Promise<TaskView> {
    return this.tasks.assign(id, dto.username, scope, ip);
  }
}
