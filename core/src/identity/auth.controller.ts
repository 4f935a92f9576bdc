import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RefreshDto, SignInDto, StartShiftDto, type SessionView, type UserView } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import type { Caller } from './auth.guard.js';
import { CurrentCaller } from './caller.decorator.js';
import { Public, RequirePermission } from './permissions.js';

@ApiTags('identity')
@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  signIn(@Body() dto: SignInDto): Promise<SessionView> {
    return this.auth.signIn(dto.username, dto.password);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<SessionView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @RequirePermission('profile.read')
  @Post('auth/logout')
  @HttpCode(204)
  async signOut(@CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.signOut(caller);
  }

  @ApiBearerAuth()
  @RequirePermission('profile.read')
  @Get('auth/me')
  me(@CurrentCaller() caller: Caller): Promise<UserView> {
    return this.auth.me(caller.sub);
  }

  @ApiBearerAuth()
  @RequirePermission('shift.manage')
  @Post('shift')
  @HttpCode(200)
  startShift(@CurrentCaller() caller: Caller, @Body() dto: StartShiftDto): Promise<UserView> {
    return this.auth.startShift(caller.sub, dto.teamId, dto.location);
  }

  @ApiBearerAuth()
  @RequirePermission('shift.manage')
  @Delete('shift')
  endShift(@CurrentCaller() caller: Caller): Promise<UserView> {
    return this.auth.endShift(caller.sub);
  }
}
