import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The cash in one currency (an id of a cash row in the items set) and its sterling value. */
@Entity({ schema: 'plugin_cash_seizure', name: 'seizure_amount' })
export class SeizureAmountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_seizure_amount_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Column({ name: 'currency_item_id', type: 'text' })
  currencyItemId!: string;

  @Column({ name: 'other_currency', type: 'text', nullable: true })
  otherCurrency!: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 3 })
  amount!: string;

  @Column({ name: 'sterling_value', type: 'numeric', precision: 14, scale: 2 })
  sterlingValue!: string;
}
