import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A safeguarding or modern slavery referral: the concern, the person and the action taken. */
@Entity({ schema: 'plugin_safeguarding_referral', name: 'referral' })
// The monthly report's covering index (encountered_at) INCLUDE (team_id, port_id, category, …):
// TypeORM cannot express INCLUDE, so the migration owns it and TypeORM leaves it alone.
@Index('IDX_referral_month', { synchronize: false })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_referral_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'encountered_at', type: 'timestamptz' })
  encounteredAt!: Date;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  /** The team that owns the case (the form's `team` answer is the case's team): the monthly report's scope. */
  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'event_type_id', type: 'text' })
  eventTypeId!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', array: true })
  indicators!: string[];

  @Column({ name: 'person_age', type: 'text' })
  personAge!: string;

  @Column({ name: 'treated_as_child', type: 'boolean' })
  treatedAsChild!: boolean;

  @Column({ name: 'nationality_id', type: 'text' })
  nationalityId!: string;

  @Column({ name: 'language_id', type: 'text', nullable: true })
  languageId!: string | null;

  @Column({ type: 'boolean' })
  accompanied!: boolean;

  @Column({ name: 'actions_taken', type: 'text', array: true })
  actionsTaken!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
