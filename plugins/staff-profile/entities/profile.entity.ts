import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An officer's profile (grade, team, location, line manager) and the shift they declared. */
@Entity({ schema: 'plugin_staff_profile', name: 'profile' })
@Check('profile_check', '"shift_end" > "shift_start"')
export class ProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_profile_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'grade_id', type: 'text' })
  gradeId!: string;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'location_id', type: 'text' })
  locationId!: string;

  @Column({ name: 'line_manager_name', type: 'text' })
  lineManagerName!: string;

  @Column({ name: 'line_manager_email', type: 'text' })
  lineManagerEmail!: string;

  @Column({ name: 'shift_start', type: 'timestamptz' })
  shiftStart!: Date;

  @Column({ name: 'shift_end', type: 'timestamptz' })
  shiftEnd!: Date;

  @Column({ name: 'shift_team_id', type: 'text' })
  shiftTeamId!: string;

  @Column({ name: 'shift_location_id', type: 'text' })
  shiftLocationId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
