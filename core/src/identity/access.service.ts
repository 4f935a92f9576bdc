import { Inject, Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '../common/errors.js';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { REFERENCE } from '../tokens.js';
import type { AccessScope } from './access.js';
import type { Caller } from './auth.guard.js';
import type { TeamCoverKind } from './team-cover.entity.js';
import { TeamCoverRepository } from './team-cover.repository.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

const TTL_MS = 5000;

/** A team a user may start a shift on, and why. */
export interface ShiftTeam {
  teamId: string;
  /** `home` (the user's own team), `member` (a standing membership) or `cover` (granted for a time). */
  via: 'home' | TeamCoverKind;
  validTo: Date | null;
}

/**
 * Turns a token's claims into an access scope. The user row (for the current shift) is
 * cached for a few seconds per instance; a shift change on this instance clears it at once.
 *
 * A shift team widens what the caller sees only while it is one the user may work on (home
 * team, membership or an unexpired, unrevoked cover); a shift left on a team whose cover has
 * ended grants nothing.
 */
@Injectable()
export class AccessService {
  private readonly cache = new Map<string, { scope: AccessScope; at: number }>();
  private organisation?: Organisation;

  constructor(
    private readonly users: UserRepository,
    private readonly covers: TeamCoverRepository,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  async scopeOf(caller: Caller): Promise<AccessScope> {
    const hit = this.cache.get(caller.sub);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.scope;
    const user = await this.users.findById(caller.sub);
    if (!user) throw new UnauthenticatedError();
    const shiftTeam = user.shiftTeamId && (await this.mayWorkOn(user, user.shiftTeamId)) ? user.shiftTeamId : null;
    const teams = [...new Set([user.teamId, shiftTeam].filter((t): t is string => Boolean(t)))];
    const all = user.roles.includes('admin');
    // A manager sees their home command; a team they cover adds that team, not its whole command.
    const visibleTeams = user.roles.includes('manager')
      ? [...new Set([...this.commandTeams(user.teamId ? [user.teamId] : []), ...teams])]
      : teams;
    const shift = shiftTeam && user.shiftLocation ? { teamId: shiftTeam, location: user.shiftLocation } : null;
    const scope: AccessScope = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      teams,
      visibleTeams,
      all,
      shift,
      homeTeam: user.teamId,
      workingTeam: shiftTeam ?? user.teamId,
    };
    this.cache.set(caller.sub, { scope, at: Date.now() });
    return scope;
  }

  /** The teams the user may start a shift on right now: home team first. */
  async shiftTeams(user: Pick<UserEntity, 'id' | 'teamId'>): Promise<ShiftTeam[]> {
    const granted = await this.covers.activeFor(user.id);
    const home: ShiftTeam[] = user.teamId ? [{ teamId: user.teamId, via: 'home', validTo: null }] : [];
    const others = granted
      .filter((g) => g.teamId !== user.teamId)
      .map((g): ShiftTeam => ({ teamId: g.teamId, via: g.kind, validTo: g.validTo }));
    const seen = new Set<string>();
    return [...home, ...others].filter((t) => !seen.has(t.teamId) && seen.add(t.teamId));
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }

  /** Every team in the commands of these teams, the teams themselves included. */
  commandTeams(teams: string[]): string[] {
    this.organisation ??= new Organisation(this.reference.rows('organisation'));
    const commands = teams.map((t) => this.organisation!.commandOf(t)).filter((c): c is string => Boolean(c));
    return [...new Set([...teams, ...commands.flatMap((c) => this.organisation!.teamsInCommand(c))])];
  }

  private async mayWorkOn(user: UserEntity, teamId: string): Promise<boolean> {
    if (teamId === user.teamId) return true;
    return (await this.covers.activeFor(user.id)).some((g) => g.teamId === teamId);
  }
}
