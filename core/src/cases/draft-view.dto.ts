import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiFreeObject } from '../openapi/api-schema.js';

/** A draft as the core keeps it (DraftsRepository's DraftRecord, as sent). */
export class DraftView {
  @ApiProperty() id!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiFreeObject('The answers so far') answers!: Record<string, unknown>;
  @ApiDateTime() updatedAt!: Date;
}

export class DraftListView {
  @ApiProperty({ type: () => [DraftView] }) drafts!: DraftView[];
}

/** Answers to start a form with, taken from the case it follows from. */
export class PrefillView {
  @ApiFreeObject() answers!: Record<string, unknown>;
}
