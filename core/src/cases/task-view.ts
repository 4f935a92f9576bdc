import type { TaskRecord } from './task.types.js';

/** A task as the shell shows it. */
export interface TaskView {
  id: string;
  caseId: string;
  businessKey: string;
  pluginId: string;
  caseState: string;
  title: string;
  status: TaskRecord['status'];
  teamId: string | null;
  candidateRole: string | null;
  assignee: { id: string; name: string } | null;
  priority: TaskRecord['priority'];
  dueAt: Date | null;
  overdue: boolean;
  createdAt: Date;
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
