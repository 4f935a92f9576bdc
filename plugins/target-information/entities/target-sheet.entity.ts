import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One version of a Cerberus target information sheet. */
@Entity({ schema: 'plugin_target_information', name: 'target_sheet' })
@Index('UQ_target_sheet_target_version', ['targetId', 'targetVersion'], { unique: true })
export class TargetSheetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_target_sheet_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'target_id', type: 'text' })
  targetId!: string;

  @Column({ name: 'target_version', type: 'integer' })
  targetVersion!: number;

  @Column({ name: 'transport_mode', type: 'text' })
  transportMode!: string;

  @Column({ name: 'issuing_hub_id', type: 'text' })
  issuingHubId!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ type: 'timestamptz' })
  eta!: Date;

  @Column({ name: 'vessel_name', type: 'text', nullable: true })
  vesselName!: string | null;

  @Column({ name: 'flight_number', type: 'text', nullable: true })
  flightNumber!: string | null;

  @Column({ name: 'vehicle_registration', type: 'text', nullable: true })
  vehicleRegistration!: string | null;

  @Column({ name: 'trailer_registration', type: 'text', nullable: true })
  trailerRegistration!: string | null;

  @Column({ type: 'text', array: true })
  warnings!: string[];

  @Column({ type: 'text', array: true })
  indicators!: string[];

  @Index('IDX_target_sheet_receiving_team_id')
  @Column({ name: 'receiving_team_id', type: 'text' })
  receivingTeamId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
