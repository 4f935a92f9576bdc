import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One detection equipment count at a port or terminal, with its totals. */
@Entity({ schema: 'plugin_detection_inventory', name: 'inventory' })
export class InventoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_inventory_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ type: 'text', nullable: true })
  terminal!: string | null;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'count_date', type: 'date' })
  countDate!: string;

  @Column({ name: 'total_working', type: 'integer' })
  totalWorking!: number;

  @Column({ name: 'total_faulty', type: 'integer' })
  totalFaulty!: number;

  @Column({ name: 'maintenance_contract', type: 'boolean' })
  maintenanceContract!: boolean;

  @Column({ name: 'maintenance_provider', type: 'text', nullable: true })
  maintenanceProvider!: string | null;

  @Column({ name: 'contract_end_date', type: 'date', nullable: true })
  contractEndDate!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
