import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A request for an interpreter: language, where and when, how urgent, and who asked. */
@Entity({ schema: 'plugin_interpreter_request', name: 'interpreter_request' })
export class InterpreterRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_interpreter_request_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'language_id', type: 'text' })
  languageId!: string;

  @Column({ type: 'text', nullable: true })
  dialect!: string | null;

  @Column({ name: 'interpreter_sex', type: 'text' })
  interpreterSex!: string;

  @Column({ name: 'port_id', type: 'text' })
  portId!: string;

  @Column({ name: 'needed_at', type: 'timestamptz' })
  neededAt!: Date;

  @Column({ type: 'text' })
  urgency!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  attendance!: string;

  @Column({ name: 'expected_minutes', type: 'integer' })
  expectedMinutes!: number;

  @Column({ name: 'requester_name', type: 'text' })
  requesterName!: string;

  @Column({ name: 'requester_phone', type: 'text' })
  requesterPhone!: string;

  @Column({ name: 'team_id', type: 'text' })
  teamId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
