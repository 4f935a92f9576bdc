import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An intelligence case, with its triage decision. */
@Entity({ schema: 'plugin_intelligence_case', name: 'intelligence_case' })
export class IntelligenceCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_intelligence_case_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'referral_reference', type: 'text', nullable: true })
  referralReference!: string | null;

  @Column({ name: 'primacy_team_id', type: 'text' })
  primacyTeamId!: string;

  @Column({ name: 'handling_condition', type: 'text' })
  handlingCondition!: string;

  @Column({ name: 'review_date', type: 'date' })
  reviewDate!: string;

  @Column({ name: 'no_further_action', type: 'boolean', default: false })
  noFurtherAction!: boolean;

  @Column({ name: 'nfa_authorised_by', type: 'text', nullable: true })
  nfaAuthorisedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A product disseminated from an intelligence case. */
@Entity({ schema: 'plugin_intelligence_case', name: 'intelligence_product' })
export class IntelligenceProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_intelligence_product_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'product_type', type: 'text' })
  productType!: string;

  @Column({ name: 'product_reference', type: 'text' })
  productReference!: string;

  @Column({ name: 'disseminated_to', type: 'text', array: true })
  disseminatedTo!: string[];

  @Column({ name: 'legal_gateway', type: 'text' })
  legalGateway!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
