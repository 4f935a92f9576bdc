import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiFreeObject, ApiNullableString } from '../openapi/api-schema.js';

/** A draft as the core keeps it (DraftsRepository's DraftRecord, as sent). */
export class DraftView {
  @ApiProperty() id!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiFreeObject('The answers so far') answers!: Record<string, unknown>;
  @ApiNullableString('The page it was saved on (a page id, `check` or `tasks`); null when saved without one')
  page!: string | null;
  @ApiDateTime() updatedAt!: Date;
}

export class DraftListView {
  @ApiProperty({ type: () => [DraftView] }) drafts!: DraftView[];
}

/** Answers to start a form with, taken from the case it follows from. */
export class PrefillView {
  @ApiFreeObject() answers!: Record<string, unknown>;
}
