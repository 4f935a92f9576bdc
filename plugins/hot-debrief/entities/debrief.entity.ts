import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One hot debrief, typed for reports. The answers as submitted stay on the case. */
@Entity({ schema: 'plugin_hot_debrief', name: 'debrief' })
export class DebriefEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_debrief_case_id')
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
