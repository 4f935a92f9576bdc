import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TeamCoverEntity, type TeamCoverKind } from './team-cover.entity.js';

/** A membership or cover as listed to managers, with the people's names. */
export interface TeamCoverRow {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  teamId: string;
  kind: TeamCoverKind;
  reason: string;
  grantedBy: string | null;
  validFrom: Date;
  validTo: Date | null;
}

const ACTIVE = 'c.revoked_at IS NULL AND c.valid_from <= now() AND (c.valid_to IS NULL OR c.valid_to > now())';

/** Memberships and covers: the teams, besides their home team, a user may work a shift on. */
@Injectable()
export class TeamCoverRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Teams the user is a member of or covers right now, each with how they got it. */
  async activeFor(userId: string): Promise<{ teamId: string; kind: TeamCoverKind; validTo: Date | null }[]> {
    return (await this.dataSource.query(
      `SELECT c.team_id AS "teamId", c.kind, c.valid_to AS "validTo" FROM core.team_cover c
       WHERE c.user_id = $1 AND ${ACTIVE} ORDER BY c.kind DESC, c.team_id`,
      [userId],
    )) as { teamId: string; kind: TeamCoverKind; validTo: Date | null }[];
  }

  /** Current and future memberships and covers on any of the teams. */
  async listForTeams(teamIds: string[] | 'all'): Promise<TeamCoverRow[]> {
    return (await this.dataSource.query(
      `SELECT c.id, c.user_id AS "userId", u.username, u.display_name AS "displayName", c.team_id AS "teamId",
              c.kind, c.reason, c.granted_by AS "grantedBy", c.valid_from AS "validFrom", c.valid_to AS "validTo"
       FROM core.team_cover c JOIN core.app_user u ON u.id = c.user_id
       WHERE c.revoked_at IS NULL AND (c.valid_to IS NULL OR c.valid_to > now())
         AND ($1::text[] IS NULL OR c.team_id = ANY($1))
       ORDER BY c.team_id, u.display_name, c.valid_from`,
      [teamIds === 'all' ? null : teamIds],
    )) as TeamCoverRow[];
  }

  findOpen(id: string): Promise<TeamCoverEntity | null> {
    return this.dataSource
      .getRepository(TeamCoverEntity)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.revoked_at IS NULL', { id })
      .getOne();
  }

  async insert(manager: EntityManager, cover: Partial<TeamCoverEntity>): Promise<TeamCoverEntity> {
    const repository = manager.getRepository(TeamCoverEntity);
    return repository.save(repository.create(cover));
  }

  async revoke(manager: EntityManager, id: string, by: string): Promise<void> {
    await manager.getRepository(TeamCoverEntity).update({ id }, { revokedAt: new Date(), revokedBy: by });
  }
}
