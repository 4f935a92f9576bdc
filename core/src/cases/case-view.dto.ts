import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeliveryView } from '../integrations/delivery-label.js';
import {
  ApiDateTime,
  ApiFreeObject,
  ApiJsonValue,
  ApiNullableFreeObject,
  ApiNullableString,
} from '../openapi/api-schema.js';
import { TaskView, UserRefView } from './task-view.js';

/** Response shapes of the case routes (`/api/cases`, a plugin's `cases`); built by CaseViewService. */

/** One check-your-answers row: the form engine's SummaryRow (core/src/forms/engine/summarise.ts). */
export class SummaryRowView {
  @ApiProperty({ description: 'The page to return to with a change link' }) pageId!: string;
  @ApiProperty() path!: string;
  @ApiProperty() label!: string;
  @ApiJsonValue('The answer as given') value!: unknown;
  @ApiProperty() displayValue!: string;
}

export class CaseActionView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiNullableString('Form to fill in when taking the action') form!: string | null;
  @ApiPropertyOptional({ description: "Only when set: done by starting that plugin's case linked to this one" })
  startsCase?: string;
}

export class CaseLinkView {
  @ApiProperty() id!: string;
  @ApiProperty() businessKey!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['to', 'from'] }) direction!: 'to' | 'from';
}

export class CommentView {
  @ApiProperty() id!: string;
  @ApiProperty() author!: string;
  @ApiProperty() body!: string;
  @ApiDateTime() createdAt!: Date;
}

export class TimelineEntryView {
  @ApiDateTime() at!: Date;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiFreeObject() detail!: Record<string, unknown>;
}

/** A case as the shell shows it: answers as check-your-answers rows, state, actions, history. */
export class CaseView {
  @ApiProperty() id!: string;
  @ApiProperty() businessKey!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() pluginTitle!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty() state!: string;
  @ApiProperty() stateLabel!: string;
  @ApiProperty() terminal!: boolean;
  @ApiNullableString() teamId!: string | null;
  @ApiNullableString() teamName!: string | null;
  @ApiProperty({ type: () => UserRefView }) createdBy!: UserRefView;
  @ApiDateTime() createdAt!: Date;
  @ApiDateTime() updatedAt!: Date;
  @ApiProperty({ description: 'Send it back with an action (optimistic locking)' }) version!: number;
  @ApiFreeObject("The form's answers") answers!: Record<string, unknown>;
  @ApiProperty({ type: () => [SummaryRowView] }) summary!: SummaryRowView[];
  @ApiProperty({ type: () => [CaseActionView] }) actions!: CaseActionView[];
  @ApiProperty({ type: () => [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: () => [CaseLinkView] }) links!: CaseLinkView[];
  @ApiProperty({ type: () => [CommentView] }) comments!: CommentView[];
  @ApiProperty({ type: () => [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty({ type: () => [DeliveryView], description: 'Outbound deliveries of this case and how they stand' })
  deliveries!: DeliveryView[];
}

/** One entry of a case's audit trail, as those allowed to audit see it. */
export class CaseAuditEntry {
  @ApiDateTime() at!: Date;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiNullableString("The client's address, when known") ip!: string | null;
  @ApiNullableFreeObject() before!: Record<string, unknown> | null;
  @ApiNullableFreeObject() after!: Record<string, unknown> | null;
  @ApiFreeObject("The rest of the entry's detail (labels, reasons)") detail!: Record<string, unknown>;
}

export class CaseAuditView {
  @ApiProperty({ type: () => [CaseAuditEntry] }) entries!: CaseAuditEntry[];
}

/** A case in the cases list: its record without the answers. */
export class CaseSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() businessKey!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty() state!: string;
  @ApiNullableString() teamId!: string | null;
  @ApiNullableString() assigneeId!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty() version!: number;
  @ApiDateTime() createdAt!: Date;
  @ApiDateTime() updatedAt!: Date;
}

/** A page of the cases list, with the cursor of the next page. */
export class CaseListPage {
  @ApiProperty({ type: () => [CaseSummaryView] }) cases!: CaseSummaryView[];
  @ApiNullableString() nextCursor!: string | null;
}

export class CommentCreatedView {
  @ApiProperty() id!: string;
  @ApiDateTime() createdAt!: Date;
}
