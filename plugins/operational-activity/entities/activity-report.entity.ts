import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One end-of-shift operational activity report. */
@Entity({ schema: 'plugin_operational_activity', name: 'activity_report' })
export class ActivityReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_activity_report_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Index('IDX_activity_report_shift_start')
  @Column({ name: 'shift_start', type: 'timestamptz' })
  shiftStart!: Date;

  @Column({ name: 'shift_end', type: 'timestamptz' })
  shiftEnd!: Date;

  @Column({ name: 'shift_minutes', type: 'integer' })
  shiftMinutes!: number;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Index('IDX_activity_report_team_id')
  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'staff_total', type: 'integer' })
  staffTotal!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
