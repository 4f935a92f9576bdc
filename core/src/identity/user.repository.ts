import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { UserEntity } from './user.entity.js';

/** Users: accounts, failed sign-ins and shifts (sessions are in SessionRepository). */
@Injectable()
export class UserRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audits: AuditRepository,
  ) {}

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** Display names and usernames of the users with these ids (unknown ids are left out). */
  async names(ids: string[]): Promise<{ id: string; displayName: string; username: string }[]> {
    return (await this.dataSource.query(
      'SELECT id, display_name AS "displayName", username FROM core.app_user WHERE id = ANY($1)',
      [ids],
    )) as { id: string; displayName: string; username: string }[];
  }

  /** Creates or refreshes the local row of an OIDC user; roles and team come from the token. */
  async upsertFromOidc(u: {
    username: string;
    displayName: string;
    roles: string[];
    teamId: string | null;
  }): Promise<string> {
    const rows = (await this.dataSource.query(
      `INSERT INTO core.app_user (username, display_name, password_hash, roles, team_id) VALUES ($1, $2, NULL, $3, $4)
       ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, roles = EXCLUDED.roles, team_id = EXCLUDED.team_id
       RETURNING id`,
      [u.username, u.displayName, u.roles, u.teamId],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  async save(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.users.save(this.users.create(user));
  }

  /** Counts a failed sign-in and locks the account when the limit is reached; returns the new count. */
  async recordFailedSignIn(
    id: string,
    limit: number,
    lockMinutes: number,
  ): Promise<{ failed: number; lockedUntil: Date | null }> {
    const rows = (await this.dataSource.query(
      `UPDATE core.app_user SET failed_sign_ins = failed_sign_ins + 1,
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING failed_sign_ins AS failed, locked_until AS "lockedUntil"`,
      [id, limit, lockMinutes],
    )) as [{ failed: number; lockedUntil: Date | null }[], number];
    return rows[0][0]!;
  }

  async recordSuccessfulSignIn(id: string): Promise<void> {
    await this.users.update({ id }, { failedSignIns: 0, lockedUntil: null });
  }

  /** Starts or ends a shift, with its audit entry, in one transaction. */
  async setShift(
    id: string,
    shift: { teamId: string; location: string } | null,
    audit: { actor: string; ip: string; via?: string },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update(
        { id },
        {
          shiftTeamId: shift?.teamId ?? null,
          shiftLocation: shift?.location ?? null,
          shiftStartedAt: shift ? new Date() : null,
        },
      );
      await this.audits.append(manager, [
        {
          actorId: id,
          actor: audit.actor,
          action: shift ? 'shift.started' : 'shift.ended',
          entityType: 'user',
          entityId: id,
          ip: audit.ip,
          detail: shift ? { teamId: shift.teamId, location: shift.location, via: audit.via } : {},
        },
      ]);
    });
  }
}
