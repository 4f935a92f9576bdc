import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A mandatory declaration: which topics were declared (ids in mandatory-declaration-topics). */
@Entity({ schema: 'plugin_mandatory_declaration', name: 'declaration' })
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_declaration_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'declaration_type', type: 'text' })
  declarationType!: string;

  @Column({ name: 'grade_id', type: 'text' })
  gradeId!: string;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @Column({ name: 'declared_topics', type: 'text', array: true })
  declaredTopics!: string[];

  @Column({ name: 'needs_review', type: 'boolean' })
  needsReview!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
