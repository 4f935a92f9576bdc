import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity.js';

/** How a user came to be allowed on a team: a standing membership, or a time-limited cover. */
export type TeamCoverKind = 'member' | 'cover';

@Entity({ schema: 'core', name: 'team_cover' })
@Check('team_cover_kind_check', `kind IN ('member', 'cover')`)
@Check('team_cover_period_check', 'valid_to IS NULL OR valid_to > valid_from')
@Check('team_cover_ends_check', `kind = 'member' OR valid_to IS NOT NULL`)
export class TeamCoverEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('team_cover_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'team_cover_user_id_fkey' })
  user?: UserEntity;

  @Index('team_cover_team_idx')
  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ type: 'text' })
  kind!: TeamCoverKind;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by', foreignKeyConstraintName: 'team_cover_granted_by_fkey' })
  grantor?: UserEntity;

  @Column({ name: 'valid_from', type: 'timestamptz', default: () => 'now()' })
  validFrom!: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'revoked_by', foreignKeyConstraintName: 'team_cover_revoked_by_fkey' })
  revoker?: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
