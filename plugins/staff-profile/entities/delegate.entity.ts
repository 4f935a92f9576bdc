import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Someone who may act on the officer's tasks while they are away. */
@Entity({ schema: 'plugin_staff_profile', name: 'delegate' })
export class DelegateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_delegate_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;
}
