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

  /**
   * Creates or refreshes the local row of an OIDC user; roles, team, names and email come from the
   * token (a claim the token no longer has is cleared: the issuer is the record).
   */
  async upsertFromOidc(u: {
    username: string;
    displayName: string;
    roles: string[];
    teamId: string | null;
    givenName: string | null;
    familyName: string | null;
    email: string | null;
  }): Promise<string> {
    const rows = (await this.dataSource.query(
      `INSERT INTO core.app_user (username, display_name, password_hash, roles, team_id, given_name, family_name, email)
       VALUES ($1, $2, NULL, $3, $4, $5, $6, $7)
       ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, roles = EXCLUDED.roles,
         team_id = EXCLUDED.team_id, given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
         email = EXCLUDED.email
       RETURNING id`,
      [u.username, u.displayName, u.roles, u.teamId, u.givenName, u.familyName, u.email],
    )) as { id: string }[];
    return rows[0]!.id;
  }

  /** The answers of the latest case of this plugin's form the user submitted (their staff profile), if any. */
  async latestCaseAnswers(id: string, pluginId: string, formId: string): Promise<Record<string, unknown> | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT answers FROM core.case WHERE created_by = $1 AND plugin_id = $2 AND form_id = $3
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [id, pluginId, formId],
    )) as { answers: Record<string, unknown> }[];
    return rows[0]?.answers;
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
