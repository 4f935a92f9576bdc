import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Someone the person was travelling with, and their stated relationship. */
@Entity({ schema: 'plugin_safeguarding_referral', name: 'companion' })
export class CompanionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_companion_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'given_name', type: 'text', nullable: true })
  givenName!: string | null;

  @Column({ name: 'family_name', type: 'text', nullable: true })
  familyName!: string | null;

  @Column({ type: 'text' })
  relation!: string;

  @Column({ name: 'relation_verified', type: 'boolean' })
  relationVerified!: boolean;
}
