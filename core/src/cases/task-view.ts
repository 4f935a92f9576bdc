import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiNullableDateTime, ApiNullableString } from '../openapi/api-schema.js';
import { TASK_PRIORITIES } from '../plugins/workflow.dto.js';
import type { TaskRecord } from './task.types.js';

/** A user named on a record: id and display name. */
export class UserRefView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const satisfies readonly TaskRecord['status'][];

/** A task as the shell shows it. */
export class TaskView {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() businessKey!: string;
  @ApiProperty() pluginId!: string;
  @ApiProperty() caseState!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status!: TaskRecord['status'];
  @ApiNullableString() teamId!: string | null;
  @ApiNullableString() candidateRole!: string | null;
  @ApiProperty({ type: () => UserRefView, nullable: true }) assignee!: UserRefView | null;
  @ApiProperty({ enum: TASK_PRIORITIES, enumName: 'TaskPriority' }) priority!: TaskRecord['priority'];
  @ApiNullableDateTime() dueAt!: Date | null;
  @ApiProperty() overdue!: boolean;
  @ApiDateTime() createdAt!: Date;
}

/** One page of a task list, with the cursor of the next page. */
export class TaskPage {
  @ApiProperty({ type: () => [TaskView] }) tasks!: TaskView[];
  @ApiNullableString() nextCursor!: string | null;
}

export function toTaskView(t: TaskRecord): TaskView {
  return {
    id: t.id,
    caseId: t.caseId,
    businessKey: t.businessKey,
    pluginId: t.pluginId,
    caseState: t.caseState,
    title: t.title,
    status: t.status,
    teamId: t.teamId,
    candidateRole: t.candidateRole,
    assignee: t.assigneeId ? { id: t.assigneeId, name: t.assigneeName ?? '' } : null,
    priority: t.priority,
    dueAt: t.dueAt,
    overdue: t.status === 'open' && t.dueAt !== null && new Date(t.dueAt).getTime() < Date.now(),
    createdAt: t.createdAt,
  };
}
