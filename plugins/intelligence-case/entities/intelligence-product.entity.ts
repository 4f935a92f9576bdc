import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The dissemination log: one row for every product shared from an intelligence case, with when.
 * A case can disseminate several products, each to its own recipients under its own legal
 * gateway; the core's read model keeps one row per case (the latest product only), so this is
 * the plugin's own record of every disclosure.
 */
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
