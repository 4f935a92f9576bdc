import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Staff on shift by grade ("Staff by grade" group). */
@Entity({ schema: 'plugin_operational_activity', name: 'staff_by_grade' })
export class StaffByGradeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_staff_by_grade_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'grade_id', type: 'text' })
  gradeId!: string;

  @Column({ name: 'staff_count', type: 'integer' })
  staffCount!: number;
}

/** Minutes spent on an activity in a mode of transport ("Activities" group). */
@Entity({ schema: 'plugin_operational_activity', name: 'activity_minutes' })
export class ActivityMinutesEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_activity_minutes_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'transport_mode', type: 'text' })
  transportMode!: string;

  @Column({ type: 'text' })
  activity!: string;

  @Column({ type: 'integer' })
  minutes!: number;
}

/** Positive and negative results by target category ("Detections by target type" group). */
@Entity({ schema: 'plugin_operational_activity', name: 'detections_by_category' })
export class DetectionsByCategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_detections_by_category_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'target_category', type: 'text' })
  targetCategory!: string;

  @Column({ name: 'positive_count', type: 'integer' })
  positiveCount!: number;

  @Column({ name: 'negative_count', type: 'integer' })
  negativeCount!: number;
}
