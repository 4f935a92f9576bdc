import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiFreeObject, ApiNullableString } from '../openapi/api-schema.js';

/** A draft as the core keeps it (DraftsRepository's DraftRecord, as sent). */
export class DraftView {
  @ApiProperty() id!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiFreeObject('The answers so far') answers!: Record<string, unknown>;
  @ApiNullableString('The page it was saved on (a page id, `check`, `tasks` or `hub`); null when saved without one')
  page!: string | null;
  @ApiProperty({ type: [String], description: 'Task-list forms: the tasks the officer marked complete' })
  completedTasks!: string[];
  @ApiNullableString(
    'The business key reserved for it when its form shows the reference at the top (`caseReference`); its case takes it',
  )
  businessKey!: string | null;
  @ApiDateTime() updatedAt!: Date;
}

export class DraftListView {
  @ApiProperty({ type: () => [DraftView] }) drafts!: DraftView[];
}

/** Answers to start a form with, taken from the case it follows from. */
export class PrefillView {
  @ApiFreeObject() answers!: Record<string, unknown>;
}
