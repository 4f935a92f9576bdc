import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A target outcome, as returned to Cerberus. */
@Entity({ schema: 'plugin_target_outcome', name: 'target_outcome' })
export class TargetOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_target_outcome_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Index('IDX_target_outcome_target_reference')
  @Column({ name: 'target_reference', type: 'text' })
  targetReference!: string;

  @Column({ name: 'outcome_at', type: 'timestamptz' })
  outcomeAt!: Date;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'linked_case_key', type: 'text', nullable: true })
  linkedCaseKey!: string | null;

  @Column({ name: 'corrected', type: 'boolean', default: false })
  corrected!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
