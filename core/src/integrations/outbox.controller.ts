import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { NotFoundError } from '../common/errors.js';
import type { Caller } from '../identity/auth.guard.js';
import { CurrentCaller } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import {
  OutboxEventListView,
  OutboxEventView,
  OutboxHealthView,
  OutboxRedriveListView,
  RedriveFilterDto,
  RedriveResultView,
} from './outbox-event.dto.js';
import { OutboxDeliveryRepository } from './outbox.repository.js';
import { toNumber } from '../common/validation.pipe.js';

export class OutboxQueryDto {
  @IsOptional() @IsIn(['pending', 'delivered', 'dead']) status?: 'pending' | 'delivered' | 'dead';
  @IsOptional() @IsString() @MaxLength(60) topic?: string;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(500) limit?: number;
}

/** Admins see outbound deliveries (dead letters above all) and send failed ones again. */
@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations/outbox')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxDeliveryRepository,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  @RequirePermission('integrations.manage')
  @Get()
  @ApiOkResponse({ type: OutboxEventListView })
  async list(@Query() q: OutboxQueryDto): Promise<OutboxEventListView> {
    return { events: await this.outbox.list({ status: q.status, topic: q.topic, limit: q.limit ?? 100 }) };
  }

  /** The queue and circuit of each outbound channel: the figure to alert on (`alert`). */
  @RequirePermission('integrations.manage')
  @Get('health')
  @ApiOkResponse({ type: OutboxHealthView })
  async health(): Promise<OutboxHealthView> {
    return { channels: await this.dispatcher.figures() };
  }

  /**
   * Sends every dead event matching the filter again (after an outage, say), each with a fresh
   * retry window; their attempts and last error are kept, and each redrive is recorded.
   */
  @RequirePermission('integrations.manage')
  @Post('redrive')
  @HttpCode(200)
  @ApiOkResponse({ type: RedriveResultView })
  async redriveAll(@Body() filter: RedriveFilterDto, @CurrentCaller() caller: Caller): Promise<RedriveResultView> {
    const ids = await this.outbox.deadIds({
      topic: filter.topic,
      createdFrom: filter.createdFrom ? new Date(filter.createdFrom) : undefined,
      createdTo: filter.createdTo ? new Date(filter.createdTo) : undefined,
      errorContains: filter.errorContains,
      limit: filter.limit ?? 10_000,
    });
    const redriven = ids.length > 0 ? await this.outbox.redrive(ids, caller.username) : [];
    if (redriven.length > 0) void this.dispatcher.drain();
    return { redriven: redriven.length, ids: redriven.map((e) => e.id) };
  }

  @RequirePermission('integrations.manage')
  @Post(':id/redrive')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxEventView })
  async redrive(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<OutboxEventView> {
    if (!/^\d+$/.test(id)) throw new NotFoundError(`There is no dead-lettered event ${id}`);
    const [event] = await this.outbox.redrive([id], caller.username);
    if (!event) throw new NotFoundError(`There is no dead-lettered event ${id}`);
    void this.dispatcher.drain();
    return event;
  }

  /** The event's redrives, oldest first (its history, kept across them). */
  @RequirePermission('integrations.manage')
  @Get(':id/redrives')
  @ApiOkResponse({ type: OutboxRedriveListView })
  async redrives(@Param('id') id: string): Promise<OutboxRedriveListView> {
    if (!/^\d+$/.test(id)) throw new NotFoundError(`There is no event ${id}`);
    return { redrives: await this.outbox.redrives(id) };
  }
}
