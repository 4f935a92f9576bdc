import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotFoundError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import { CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { NotificationHub } from './notification-hub.js';
import { InboxView } from './notification-view.dto.js';
import { NotificationsRepository } from './notifications.repository.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly hub: NotificationHub,
  ) {}

  /** The inbox, newest first, with the unread count. */
  @RequirePermission('notifications.read')
  @Get()
  @ApiOkResponse({ type: InboxView })
  inbox(@CurrentScope() scope: AccessScope, @Query('limit') limit?: string): Promise<InboxView> {
    const n = Math.min(Math.max(Number(limit ?? 50) || 50, 1), 200);
    return this.notifications.inbox(scope.userId, n);
  }

  /**
   * Live notifications as server-sent events (`event: notification`). Browsers' EventSource cannot
   * send headers, so this route also accepts the access token as `?access_token=`.
   */
  @RequirePermission('notifications.read')
  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'Server-sent events: `event: notification`, data a NotificationView' })
  stream(@CurrentScope() scope: AccessScope, @Res() reply: FastifyReply): void {
    reply.hijack();
    this.hub.attach(scope.userId, reply.raw);
  }

  @RequirePermission('notifications.read')
  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async markRead(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @CurrentScope() scope: AccessScope,
  ): Promise<void> {
    if (!(await this.notifications.markRead(scope.userId, id)))
      throw new NotFoundError(`There is no notification ${id}`);
  }
}
