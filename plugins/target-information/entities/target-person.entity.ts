import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person named on a target information sheet. */
@Entity({ schema: 'plugin_target_information', name: 'target_person' })
export class TargetPersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_target_person_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'integer' })
  line!: number;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'given_name', type: 'text' })
  givenName!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ type: 'text' })
  nationality!: string;

  @Column({ name: 'document_type', type: 'text', nullable: true })
  documentType!: string | null;

  @Column({ name: 'document_number', type: 'text', nullable: true })
  documentNumber!: string | null;
}
