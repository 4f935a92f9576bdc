import type { Role } from '../sdk/roles.js';
import type { WorkflowAction } from '../sdk/workflow.js';

/** Who a task is for, as the task row keeps it. */
export interface TaskRoles {
  candidateRole: string | null;
  exceptRoles: readonly string[];
}

/**
 * Roles add up: a user holding several (the demo manager is a manager and an officer) may do
 * what any of them may, unless the task or action names one they hold in `exceptRoles`.
 */
function excludedRole(except: readonly string[] | undefined, held: readonly Role[]): string | undefined {
  return except?.find((r) => held.includes(r as Role));
}

/**
 * Whether a holder of these roles may claim the task (or be given it): no role named, the
 * task's role, or a manager's (managers pick up any task in their queues); and no role of
 * `exceptRoles`.
 */
export function mayHoldTask(task: TaskRoles, held: readonly Role[]): boolean {
  return taskRefusal(task, held) === undefined;
}

/** Why a holder of these roles may not claim the task, for the 403; undefined if they may. */
export function taskRefusal(task: TaskRoles, held: readonly Role[]): string | undefined {
  const excluded = excludedRole(task.exceptRoles, held);
  if (excluded) return `This task is not for the ${excluded} role`;
  const role = task.candidateRole as Role | null;
  if (role && !held.includes(role) && !held.includes('manager')) return `This task is for the ${role} role`;
  return undefined;
}

/** Whether a holder of these roles may take the action: one of its roles, none of `exceptRoles`. */
export function mayTakeAction(action: Pick<WorkflowAction, 'roles' | 'exceptRoles'>, held: readonly Role[]): boolean {
  return action.roles.some((r) => held.includes(r)) && excludedRole(action.exceptRoles, held) === undefined;
}
