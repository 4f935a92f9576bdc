import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An intelligence referral, typed for triage and reports. */
@Entity({ schema: 'plugin_intelligence_referral', name: 'referral' })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_referral_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'port_id', type: 'text', nullable: true })
  portId!: string | null;

  @Column({ name: 'handling_condition', type: 'text' })
  handlingCondition!: string;

  @Column({ name: 'subject_types', type: 'text', array: true })
  subjectTypes!: string[];

  @Column({ type: 'text', array: true })
  indicators!: string[];

  @Column({ name: 'attachment_count', type: 'integer' })
  attachmentCount!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
