import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One event at the border, typed for reports and routing. The answers stay on the case. */
@Entity({ schema: 'plugin_event_at_border', name: 'event' })
// The monthly report's covering index (event_at) INCLUDE (team_id, port_id, outcome, case_id):
// TypeORM cannot express INCLUDE, so the migration owns it and TypeORM leaves it alone.
@Index('IDX_event_month', { synchronize: false })
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_event_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'business_key', type: 'text' })
  businessKey!: string;

  @Index('IDX_event_event_at')
  @Column({ name: 'event_at', type: 'timestamptz' })
  eventAt!: Date;

  @Index('IDX_event_port_id')
  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ type: 'text', nullable: true })
  terminal!: string | null;

  /** The case's owning team (an event's case keeps the team it was recorded by): the monthly report's scope. */
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId!: string | null;

  @Column({ name: 'transport_mode', type: 'text' })
  transportMode!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'concealment_method', type: 'text', nullable: true })
  concealmentMethod!: string | null;

  @Column({ name: 'detection_method', type: 'text', nullable: true })
  detectionMethod!: string | null;

  @Column({ name: 'persons_count', type: 'integer' })
  personsCount!: number;

  @Column({ name: 'vehicle_registration', type: 'text', nullable: true })
  vehicleRegistration!: string | null;

  @Column({ name: 'target_reference', type: 'text', nullable: true })
  targetReference!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
