import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiDateTime, ApiNullableString } from '../openapi/api-schema.js';
import { ROLES, type Role } from '../sdk/roles.js';
import type { UserEntity } from './user.entity.js';

export class SignInDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your username' })
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your password' })
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter the refresh token' })
  @MaxLength(200)
  refreshToken!: string;
}

export class StartShiftDto {
  @ApiProperty({ description: 'Team id from the teams reference set' })
  @IsString()
  @IsNotEmpty({ message: 'Select your team for this shift' })
  @MaxLength(100)
  teamId!: string;

  @ApiProperty({ description: 'Port id from the ports reference set' })
  @IsString()
  @IsNotEmpty({ message: 'Select your location for this shift' })
  @MaxLength(100)
  location!: string;
}

/** The shift an officer is working: chosen team and location. */
export class ShiftView {
  @ApiProperty() teamId!: string;
  @ApiProperty() teamName!: string;
  @ApiProperty({ description: 'Port id from the ports reference set' }) location!: string;
  @ApiProperty() locationLabel!: string;
  @ApiDateTime() startedAt!: string;
}

/** A user as the shell sees them. */
export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiNullableString() teamId!: string | null;
  @ApiNullableString() teamName!: string | null;
  @ApiNullableString() grade!: string | null;
  @ApiProperty({ type: () => ShiftView, nullable: true, description: 'Null until the user starts a shift' })
  shift!: ShiftView | null;
}

/** What signing in or refreshing returns. */
export class SessionView {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ description: 'Lifetime of the access token in seconds' }) expiresIn!: number;
  @ApiProperty({ type: () => UserView }) user!: UserView;
}

/** Looks up display labels for reference ids (teams, ports). */
export type LabelLookup = (set: string, id: string) => string | undefined;

export function toUserView(user: UserEntity, label: LabelLookup): UserView {
  const shift =
    user.shiftTeamId && user.shiftLocation && user.shiftStartedAt
      ? {
          teamId: user.shiftTeamId,
          teamName: label('teams', user.shiftTeamId) ?? user.shiftTeamId,
          location: user.shiftLocation,
          locationLabel: label('ports', user.shiftLocation) ?? user.shiftLocation,
          startedAt: user.shiftStartedAt.toISOString(),
        }
      : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    teamId: user.teamId,
    teamName: user.teamId ? (label('teams', user.teamId) ?? user.teamId) : null,
    grade: user.grade,
    shift,
  };
}
