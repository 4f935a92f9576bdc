import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A passenger held for further examination (IS81), the power used and the outcome. */
@Entity({ schema: 'plugin_refusal_of_entry', name: 'examination' })
// The monthly report's covering index (decision_at) INCLUDE (team_id, port_id, nationality_id,
// outcome, refused, power_used, risk_factors): TypeORM cannot express INCLUDE, so the migration
// owns it and TypeORM leaves it alone.
@Index('IDX_examination_month', { synchronize: false })
export class ExaminationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_examination_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ name: 'nationality_id', type: 'text' })
  nationalityId!: string;

  @Column({ name: 'sex_id', type: 'text' })
  sexId!: string;

  @Column({ name: 'document_type_id', type: 'text' })
  documentTypeId!: string;

  @Column({ name: 'document_number', type: 'text' })
  documentNumber!: string;

  @Column({ name: 'issuing_country_id', type: 'text' })
  issuingCountryId!: string;

  @Column({ name: 'document_issue_id', type: 'text', nullable: true })
  documentIssueId!: string | null;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ name: 'transport_mode_id', type: 'text' })
  transportModeId!: string;

  @Column({ name: 'arrived_at', type: 'timestamptz' })
  arrivedAt!: Date;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'risk_factors', type: 'text', array: true })
  riskFactors!: string[];

  @Column({ name: 'power_used', type: 'text' })
  powerUsed!: string;

  @Column({ name: 'is81_served_at', type: 'timestamptz' })
  is81ServedAt!: Date;

  @Column({ name: 'interpreter_language_id', type: 'text', nullable: true })
  interpreterLanguageId!: string | null;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'decision_at', type: 'timestamptz' })
  decisionAt!: Date;

  @Column({ type: 'boolean' })
  refused!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
