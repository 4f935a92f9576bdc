import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import { Transactions } from '../database/transactions.js';
import type { AccessScope } from '../identity/access.js';
import { UserRepository } from '../identity/user.repository.js';
import { taskRefusal } from './role-rules.js';
import { TasksRepository } from './tasks.repository.js';
import { toTaskView, type TaskView } from './task-view.js';
import type { TaskQuery } from './task.types.js';

/** Queues, claiming and assignment. Completing a task happens by taking a workflow action. */
@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tasks: TasksRepository,
    private readonly audits: AuditRepository,
    private readonly users: UserRepository,
  ) {}

  async list(scope: AccessScope, query: TaskQuery): Promise<{ tasks: TaskView[]; nextCursor: string | null }> {
    const { tasks, nextCursor } = await this.tasks.page(scope, query);
    return { tasks: tasks.map((t) => toTaskView(t, scope)), nextCursor };
  }

  claim(taskId: string, scope: AccessScope, ip?: string): Promise<TaskView> {
    return this.reassign(taskId, scope, 'task.claimed', ip, (task) => {
      if (task.assigneeId && task.assigneeId !== scope.userId)
        throw new ConflictError(`This task is already claimed by ${task.assigneeName}`);
      const refusal = taskRefusal(task, scope.roles);
      if (refusal) throw new ForbiddenError(refusal);
      return scope.userId;
    });
  }

  unclaim(taskId: string, scope: AccessScope, ip?: string): Promise<TaskView> {
    return this.reassign(taskId, scope, 'task.unclaimed', ip, (task) => {
      if (task.assigneeId !== scope.userId && !scope.roles.includes('manager'))
        throw new ForbiddenError('Only the officer who claimed the task, or a manager, can release it');
      return null;
    });
  }

  async assign(taskId: string, username: string, scope: AccessScope, ip?: string): Promise<TaskView> {
    if (!scope.roles.includes('manager') && !scope.all) throw new ForbiddenError('Only managers can assign tasks');
    const user = await this.users.findByUsername(username);
    if (!user)
      throw new InputError('There is a problem', [{ path: 'username', message: `There is no user "${username}"` }]);
    return this.reassign(taskId, scope, 'task.assigned', ip, (task) => {
      const refusal = taskRefusal(task, user.roles);
      if (refusal)
        throw new InputError('There is a problem', [
          { path: 'username', message: `${user.displayName} cannot be given this task: ${lowerFirst(refusal)}` },
        ]);
      return user.id;
    });
  }

  private async reassign(
    taskId: string,
    scope: AccessScope,
    action: string,
    ip: string | undefined,
    decide: (task: NonNullable<Awaited<ReturnType<TasksRepository['findWorkable']>>>) => string | null,
  ): Promise<TaskView> {
    const task = await this.transactions.run(async (manager) => {
      const found = await this.tasks.findWorkable(manager, taskId, scope);
      if (!found || found.status !== 'open') throw new NotFoundError(`There is no open task ${taskId} in your queues`);
      const assignee = decide(found);
      await this.tasks.setAssignee(manager, found.id, assignee);
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action,
          entityType: 'task',
          entityId: found.id,
          caseId: found.caseId,
          ip,
          detail: { before: { assigneeId: found.assigneeId }, after: { assigneeId: assignee } },
        },
      ]);
      return { ...found, assigneeId: assignee };
    });
    const fresh = (await this.tasks.forCase(task.caseId)).find((t) => t.id === task.id)!;
    return toTaskView(fresh, scope);
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
