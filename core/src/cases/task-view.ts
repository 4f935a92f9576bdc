import { ApiProperty } from '@nestjs/swagger';
import type { AccessScope } from '../identity/access.js';
import { ApiDateTime, ApiNullableDateTime, ApiNullableString } from '../openapi/api-schema.js';
import { TASK_PRIORITIES } from '../plugins/workflow.dto.js';
import { ROLES, type Role } from '../sdk/roles.js';
import { mayHoldTask } from './role-rules.js';
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
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, description: 'Roles whose holders may not claim it' })
  exceptRoles!: Role[];
  @ApiProperty({ type: () => UserRefView, nullable: true }) assignee!: UserRefView | null;
  @ApiProperty({
    description: 'Whether the caller may claim it now: open, nobody’s yet, in their queues and for their role',
  })
  canClaim!: boolean;
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

/** The task as the caller sees it: `canClaim` is worked out for them. */
export function toTaskView(t: TaskRecord, scope: AccessScope): TaskView {
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
    exceptRoles: t.exceptRoles as Role[],
    assignee: t.assigneeId ? { id: t.assigneeId, name: t.assigneeName ?? '' } : null,
    canClaim: t.status === 'open' && !t.assigneeId && inQueues(t, scope) && mayHoldTask(t, scope.roles),
    priority: t.priority,
    dueAt: t.dueAt,
    overdue: t.status === 'open' && t.dueAt !== null && new Date(t.dueAt).getTime() < Date.now(),
    createdAt: t.createdAt,
  };
}

/** Whether the task is in one of the caller's queues (what claiming it needs, as TasksRepository.findWorkable). */
function inQueues(t: TaskRecord, scope: AccessScope): boolean {
  return scope.all || t.assigneeId === scope.userId || (t.teamId !== null && scope.visibleTeams.includes(t.teamId));
}
