import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One use of force, typed for the use of force returns. */
@Entity({ schema: 'plugin_use_of_force', name: 'use_of_force' })
// The monthly report's covering index (occurred_at) INCLUDE (case_team_id, port_id, …): TypeORM
// cannot express INCLUDE, so the migration owns it and TypeORM leaves it alone.
@Index('IDX_use_of_force_month', { synchronize: false })
export class UseOfForceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_use_of_force_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  /** The team the officer gave on the form. */
  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  /** The team that owns the case (who may see it): the monthly report's scope. */
  @Column({ name: 'case_team_id', type: 'text', nullable: true })
  caseTeamId!: string | null;

  @Column({ name: 'subject_behaviour', type: 'text', array: true })
  subjectBehaviour!: string[];

  @Column({ type: 'text', array: true })
  reasons!: string[];

  @Column({ type: 'text', array: true })
  techniques!: string[];

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes!: number | null;

  @Column({ name: 'subject_injured', type: 'boolean' })
  subjectInjured!: boolean;

  @Column({ name: 'officer_injured', type: 'boolean' })
  officerInjured!: boolean;

  @Column({ name: 'medical_assistance', type: 'text' })
  medicalAssistance!: string;

  @Column({ name: 'body_worn_video', type: 'boolean' })
  bodyWornVideo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
