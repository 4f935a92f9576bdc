import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { InputError, NotFoundError, type FieldError } from '../common/errors.js';
import { Transactions } from '../database/transactions.js';
import { LABELS } from '../tokens.js';
import type { AccessScope } from './access.js';
import { AccessService } from './access.service.js';
import type { LabelLookup } from './auth.dto.js';
import { toTeamCoverView, type GrantCoverDto, type TeamCoverView } from './team-cover.dto.js';
import { TeamCoverRepository } from './team-cover.repository.js';
import { UserRepository } from './user.repository.js';

/** The longest cover a manager may grant at once; longer arrangements are memberships. */
export const MAX_COVER_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * Managers let people cover teams in their command for a limited time; admins also record
 * standing memberships. Every grant and revocation is audited.
 */
@Injectable()
export class TeamCoverService {
  constructor(
    private readonly transactions: Transactions,
    private readonly covers: TeamCoverRepository,
    private readonly audits: AuditRepository,
    private readonly users: UserRepository,
    private readonly access: AccessService,
    @Inject(LABELS) private readonly labels: LabelLookup,
  ) {}

  /** Current and future covers on the teams the caller manages. */
  async list(scope: AccessScope): Promise<TeamCoverView[]> {
    const rows = await this.covers.listForTeams(scope.all ? 'all' : this.managedTeams(scope));
    return rows.map((row) => toTeamCoverView(row, this.labels));
  }

  async grant(scope: AccessScope, dto: GrantCoverDto, ip: string): Promise<TeamCoverView> {
    const kind = dto.kind ?? 'cover';
    const errors: FieldError[] = [];
    const grantee = await this.users.findByUsername(dto.username.trim().toLowerCase());
    if (!grantee) errors.push({ path: 'username', message: 'There is no one with that username' });
    if (!this.labels('teams', dto.teamId)) errors.push({ path: 'teamId', message: 'Select a team from the list' });
    else if (!scope.all && !this.managedTeams(scope).includes(dto.teamId))
      errors.push({ path: 'teamId', message: 'Select a team in your command' });
    else if (grantee && grantee.teamId === dto.teamId)
      errors.push({ path: 'teamId', message: 'That is already their own team' });
    if (!dto.reason.trim()) errors.push({ path: 'reason', message: 'Enter why the cover is needed' });
    if (kind === 'member' && !scope.all) errors.push({ path: 'kind', message: 'Only an admin can add a team member' });
    const now = Date.now();
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : new Date(now);
    const validTo = dto.validTo ? new Date(dto.validTo) : null;
    if (kind === 'cover') {
      if (!validTo) errors.push({ path: 'validTo', message: 'Enter when the cover ends' });
      else if (validTo.getTime() <= Math.max(now, validFrom.getTime()))
        errors.push({ path: 'validTo', message: 'The end must be after the start and in the future' });
      else if (validTo.getTime() - validFrom.getTime() > MAX_COVER_DAYS * DAY_MS)
        errors.push({ path: 'validTo', message: `A cover can last at most ${MAX_COVER_DAYS} days` });
    } else if (validTo && validTo.getTime() <= validFrom.getTime()) {
      errors.push({ path: 'validTo', message: 'The end must be after the start' });
    }
    if (errors.length > 0) throw new InputError('Check the cover details', errors);

    const reason = dto.reason.trim();
    const saved = await this.transactions.run(async (manager) => {
      const cover = await this.covers.insert(manager, {
        userId: grantee!.id,
        teamId: dto.teamId,
        kind,
        reason,
        grantedBy: scope.userId,
        validFrom,
        validTo,
      });
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'team-cover.granted',
          entityType: 'team-cover',
          entityId: cover.id,
          ip,
          detail: {
            username: grantee!.username,
            teamId: dto.teamId,
            kind,
            reason,
            validFrom: validFrom.toISOString(),
            validTo: validTo?.toISOString() ?? null,
          },
        },
      ]);
      return cover;
    });
    this.access.forget(grantee!.id);
    return toTeamCoverView(
      { ...saved, username: grantee!.username, displayName: grantee!.displayName, validTo: saved.validTo },
      this.labels,
    );
  }

  /** Ends a cover at once; a shift on that team stops granting anything. */
  async revoke(scope: AccessScope, id: string, ip: string): Promise<void> {
    const cover = await this.covers.findOpen(id);
    if (!cover || (!scope.all && !this.managedTeams(scope).includes(cover.teamId))) throw new NotFoundError();
    if (cover.kind === 'member' && !scope.all) throw new NotFoundError();
    await this.transactions.run(async (manager) => {
      await this.covers.revoke(manager, id, scope.userId);
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'team-cover.revoked',
          entityType: 'team-cover',
          entityId: id,
          ip,
          detail: { userId: cover.userId, teamId: cover.teamId, kind: cover.kind },
        },
      ]);
    });
    this.access.forget(cover.userId);
  }

  /** Teams a manager may grant cover on: those in their home team's command. */
  private managedTeams(scope: AccessScope): string[] {
    return scope.homeTeam ? this.access.commandTeams([scope.homeTeam]) : [];
  }
}
