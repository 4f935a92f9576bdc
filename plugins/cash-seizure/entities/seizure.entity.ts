import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A cash detection: where, who, why, the total in sterling and the detention decision. */
@Entity({ schema: 'plugin_cash_seizure', name: 'seizure' })
// The monthly report's covering index (detected_at) INCLUDE (team_id, port_id, detention_decision,
// total_sterling, case_id): TypeORM cannot express INCLUDE, so the migration owns it.
@Index('IDX_seizure_month', { synchronize: false })
export class SeizureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_seizure_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'detected_at', type: 'timestamptz' })
  detectedAt!: Date;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'transport_mode_id', type: 'text' })
  transportModeId!: string;

  @Column({ name: 'detection_method_id', type: 'text' })
  detectionMethodId!: string;

  @Column({ name: 'concealment_method_id', type: 'text' })
  concealmentMethodId!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'nationality_id', type: 'text' })
  nationalityId!: string;

  /** Numeric columns come back from PostgreSQL as strings. */
  @Column({ name: 'total_sterling', type: 'numeric', precision: 14, scale: 2 })
  totalSterling!: string;

  @Column({ type: 'text', array: true })
  reasons!: string[];

  @Column({ name: 'detention_decision', type: 'text' })
  detentionDecision!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
