import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { NotFoundError } from '../common/errors.js';
import { RequirePermission } from '../identity/permissions.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { OutboxEventListView, OutboxEventView } from './outbox-event.dto.js';
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

  @RequirePermission('integrations.manage')
  @Post(':id/redrive')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxEventView })
  async redrive(@Param('id') id: string): Promise<OutboxEventView> {
    if (!/^\d+$/.test(id)) throw new NotFoundError(`There is no dead-lettered event ${id}`);
    const event = await this.outbox.redrive(id);
    if (!event) throw new NotFoundError(`There is no dead-lettered event ${id}`);
    void this.dispatcher.drain();
    return event;
  }
}
