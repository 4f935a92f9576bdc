import type { TaskPriority } from '../sdk/workflow.js';

export const PRIORITY_RANK: Record<TaskPriority, number> = { low: 1, medium: 2, high: 3, urgent: 4 };

export interface NewTask {
  caseId: string;
  pluginId: string;
  stateId: string;
  title: string;
  teamId: string | null;
  candidateRole: string | null;
  /** Roles whose holders may not claim it (the template's `exceptRoles`). */
  exceptRoles: string[];
  assigneeId: string | null;
  priority: TaskPriority;
  dueAt: Date | null;
  escalation: Record<string, unknown> | null;
}

export interface TaskRecord {
  id: string;
  caseId: string;
  businessKey: string;
  pluginId: string;
  caseState: string;
  stateId: string;
  title: string;
  status: 'open' | 'completed' | 'cancelled';
  teamId: string | null;
  candidateRole: string | null;
  exceptRoles: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  priority: TaskPriority;
  dueAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
}

export type TaskSort = 'priority' | 'due' | 'created';

export interface TaskQuery {
  scope: 'mine' | 'team';
  pluginId?: string;
  caseState?: string;
  priority?: TaskPriority;
  overdue?: boolean;
  businessKey?: string;
  sort: TaskSort;
  limit: number;
  cursor?: string;
}
