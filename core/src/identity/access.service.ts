import { Inject, Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '../common/errors.js';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { REFERENCE } from '../tokens.js';
import type { AccessScope } from './access.js';
import type { Caller } from './auth.guard.js';
import { UserRepository } from './user.repository.js';

const TTL_MS = 5000;

/**
 * Turns a token's claims into an access scope. The user row (for the current shift) is
 * cached for a few seconds per instance; a shift change on this instance clears it at once.
 */
@Injectable()
export class AccessService {
  private readonly cache = new Map<string, { scope: AccessScope; at: number }>();
  private organisation?: Organisation;

  constructor(
    private readonly users: UserRepository,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  async scopeOf(caller: Caller): Promise<AccessScope> {
    const hit = this.cache.get(caller.sub);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.scope;
    const user = await this.users.findById(caller.sub);
    if (!user) throw new UnauthenticatedError();
    const teams = [...new Set([user.teamId, user.shiftTeamId].filter((t): t is string => Boolean(t)))];
    const all = user.roles.includes('admin');
    const visibleTeams = user.roles.includes('manager') ? this.commandTeams(teams) : teams;
    const shift =
      user.shiftTeamId && user.shiftLocation ? { teamId: user.shiftTeamId, location: user.shiftLocation } : null;
    const scope: AccessScope = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      teams,
      visibleTeams,
      all,
      shift,
      workingTeam: user.shiftTeamId ?? user.teamId,
    };
    this.cache.set(caller.sub, { scope, at: Date.now() });
    return scope;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private commandTeams(teams: string[]): string[] {
    this.organisation ??= new Organisation(this.reference.rows('organisation'));
    const commands = teams.map((t) => this.organisation!.commandOf(t)).filter((c): c is string => Boolean(c));
    return [...new Set([...teams, ...commands.flatMap((c) => this.organisation!.teamsInCommand(c))])];
  }
}
