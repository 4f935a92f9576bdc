import { Body, Controller, Delete, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RefreshDto, SessionView, SignInDto, StartShiftDto, UserView } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import type { Caller } from './auth.guard.js';
import { ClientIp, CurrentCaller } from './caller.decorator.js';
import { ShiftTeamList } from './team-cover.dto.js';
import { Public, RequirePermission } from './permissions.js';
import { SignInThrottledError } from './sign-in-throttle.service.js';

@ApiTags('identity')
@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins: wait `Retry-After` seconds' })
  async signIn(
    @Body() dto: SignInDto,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView> {
    try {
      return await this.auth.signIn(dto.username, dto.password, ip);
    } catch (error: unknown) {
      if (error instanceof SignInThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  refresh(@Body() dto: RefreshDto): Promise<SessionView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @RequirePermission('profile.read')
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async signOut(@CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.signOut(caller);
  }

  @ApiBearerAuth()
  @RequirePermission('profile.read')
  @Get('auth/me')
  @ApiOkResponse({ type: UserView })
  me(@CurrentCaller() caller: Caller): Promise<UserView> {
    return this.auth.me(caller.sub);
  }

  @ApiBearerAuth()
  @RequirePermission('shift.manage')
  @Post('shift')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  startShift(@CurrentCaller() caller: Caller, @Body() dto: StartShiftDto, @ClientIp() ip: string): Promise<UserView> {
    return this.auth.startShift(caller.sub, dto.teamId, dto.location, ip);
  }

  @ApiBearerAuth()
  @RequirePermission('shift.manage')
  @Get('shift/teams')
  @ApiOkResponse({ type: ShiftTeamList })
  async shiftTeams(@CurrentCaller() caller: Caller): Promise<ShiftTeamList> {
    return { teams: await this.auth.shiftTeams(caller.sub) };
  }

  @ApiBearerAuth()
  @RequirePermission('shift.manage')
  @Delete('shift')
  @ApiOkResponse({ type: UserView })
  endShift(@CurrentCaller() caller: Caller, @ClientIp() ip: string): Promise<UserView> {
    return this.auth.endShift(caller.sub, ip);
  }
}
