import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One type of equipment in a count: working and faulty units and trained staff. */
@Entity({ schema: 'plugin_detection_inventory', name: 'equipment_line' })
@Check('equipment_line_working_units_check', '"working_units" >= 0')
@Check('equipment_line_faulty_units_check', '"faulty_units" >= 0')
@Check('equipment_line_trained_staff_check', '"trained_staff" >= 0')
export class EquipmentLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_equipment_line_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Column({ name: 'equipment_type', type: 'text' })
  equipmentType!: string;

  @Column({ name: 'other_equipment_type', type: 'text', nullable: true })
  otherEquipmentType!: string | null;

  @Column({ name: 'working_units', type: 'integer' })
  workingUnits!: number;

  @Column({ name: 'faulty_units', type: 'integer' })
  faultyUnits!: number;

  @Column({ name: 'trained_staff', type: 'integer' })
  trainedStaff!: number;

  @Column({ name: 'fault_reported', type: 'boolean', nullable: true })
  faultReported!: boolean | null;
}
