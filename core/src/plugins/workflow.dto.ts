import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiFreeObject } from '../openapi/api-schema.js';
import { ROLES, type Role } from '../sdk/roles.js';
import type { Condition } from '../forms/engine/form-types.js';
import type { TaskPriority } from '../sdk/workflow.js';

/**
 * A plugin's workflow as `GET /api/plugins` serves it: the manifest's WorkflowDefinition
 * (core/src/sdk/workflow.ts) as sent, described for the OpenAPI document.
 */

export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const satisfies readonly TaskPriority[];

export class TaskEscalationView {
  @ApiPropertyOptional({ enum: TASK_PRIORITIES, enumName: 'TaskPriority' }) raisePriorityTo?: TaskPriority;
  @ApiPropertyOptional() notifyManagers?: boolean;
  @ApiPropertyOptional({ description: 'Team id the task moves to' }) reassignTo?: string;
}

export class TaskTemplateView {
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ description: 'A team id, or `case.team` for the case’s own team' }) team?: string;
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' }) role?: Role;
  @ApiPropertyOptional({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    description: 'Roles whose holders may not claim it',
  })
  exceptRoles?: Role[];
  @ApiPropertyOptional({ enum: TASK_PRIORITIES, enumName: 'TaskPriority', description: 'Default `medium`' })
  priority?: TaskPriority;
  @ApiPropertyOptional({ description: 'ISO 8601 duration after creation, e.g. `PT4H`' }) due?: string;
  @ApiPropertyOptional({ type: () => TaskEscalationView }) escalation?: TaskEscalationView;
}

export class WorkflowStateView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ description: 'Whether a case in this state is finished' }) terminal?: boolean;
  @ApiPropertyOptional({ type: () => [TaskTemplateView] }) tasks?: TaskTemplateView[];
}

export class WorkflowActionView {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: [String] }) from!: string[];
  @ApiProperty() to!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiPropertyOptional({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    description: 'Roles whose holders may not take it',
  })
  exceptRoles?: Role[];
  @ApiPropertyOptional({ description: 'Form to fill in when taking the action' }) form?: string;
  @ApiPropertyOptional({ description: 'Plugin whose case, started linked to this one, takes the action' })
  startsCase?: string;
}

export class WorkflowRouteView {
  // A form-engine condition (docs/forms.md, Conditions): its type is the engine's, shared with the shell.
  @ApiFreeObject('A condition over the start form’s answers') when!: Condition;
  @ApiProperty() to!: string;
}

export class WorkflowView {
  @ApiProperty() initial!: string;
  @ApiPropertyOptional({ type: () => [WorkflowRouteView] }) routes?: WorkflowRouteView[];
  @ApiProperty({ type: () => [WorkflowStateView] }) states!: WorkflowStateView[];
  @ApiProperty({ type: () => [WorkflowActionView] }) actions!: WorkflowActionView[];
}
