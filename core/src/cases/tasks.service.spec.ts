import type { EntityManager } from 'typeorm';
import { CallLog, FakeTransactions, fake, newScope } from '../../../test/utils/unit.js';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import type { UserEntity } from '../identity/user.entity.js';
import type { UserRepository } from '../identity/user.repository.js';
import type { TaskRecord } from './task.types.js';
import type { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';

const OTHER_OFFICER = '00000000-0000-4000-8000-0000000000b2';

function newTask(overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: '00000000-0000-4000-8000-0000000000f1',
    caseId: '00000000-0000-4000-8000-0000000000c1',
    businessKey: 'BF-20261124-3',
    pluginId: 'sighting',
    caseState: 'new',
    stateId: 'new',
    title: 'Review the sighting',
    status: 'open',
    teamId: 'dover-t1',
    candidateRole: null,
    exceptRoles: [],
    assigneeId: null,
    assigneeName: null,
    priority: 'medium',
    dueAt: null,
    createdAt: new Date('2026-11-24T09:00:00Z'),
    completedAt: null,
    ...overrides,
  };
}

/** TasksService on fakes; `workable` is what the locked lookup finds for the caller. */
function world(workable: TaskRecord | undefined) {
  const log = new CallLog();
  const tx = new FakeTransactions();
  let assignee = workable?.assigneeId ?? null;
  const tasks = fake<TasksRepository>('tasks', {
    findWorkable: async (manager: EntityManager, id: string, scope: AccessScope) => {
      log.record('tasks.findWorkable', [manager, id, scope.userId]);
      return workable && id === workable.id ? workable : undefined;
    },
    setAssignee: async (manager: EntityManager, id: string, to: string | null) => {
      log.record('tasks.setAssignee', [manager, id, to]);
      assignee = to;
    },
    forCase: async () => (workable ? [{ ...workable, assigneeId: assignee }] : []),
  });
  const audits = fake<AuditRepository>('audits', {
    append: async (manager: EntityManager | undefined, entries: AuditEntry[]) =>
      void log.record('audits.append', [manager, entries]),
  });
  const users = fake<UserRepository>('users', {
    findByUsername: async (username: string) =>
      username === 'officer2' ? ({ id: OTHER_OFFICER, username } as UserEntity) : null,
  });
  return { service: new TasksService(tx.provider, tasks, audits, users), log, tx };
}

describe('TasksService (repositories faked)', () => {
  it('claims an open task in one transaction: the lock, the new assignee and the audit entry', async () => {
    const task = newTask();
    const { service, log, tx } = world(task);
    const scope = newScope();
    const view = await service.claim(task.id, scope, '192.0.2.5');
    expect(log.of('tasks.findWorkable')).toEqual([[tx.manager, task.id, scope.userId]]);
    expect(log.of('tasks.setAssignee')).toEqual([[tx.manager, task.id, scope.userId]]);
    expect(log.of('audits.append')).toEqual([
      [
        tx.manager,
        [
          {
            actorId: scope.userId,
            actor: 'officer',
            action: 'task.claimed',
            entityType: 'task',
            entityId: task.id,
            caseId: task.caseId,
            ip: '192.0.2.5',
            detail: { before: { assigneeId: null }, after: { assigneeId: scope.userId } },
          },
        ],
      ],
    ]);
    expect(tx.committed).toBe(1);
    expect(view.assignee?.id).toBe(scope.userId);
  });

  it('answers 404 for a task outside the queues, or no longer open, changing nothing', async () => {
    for (const workable of [undefined, newTask({ status: 'completed' })]) {
      const { service, log, tx } = world(workable);
      await expect(service.claim(newTask().id, newScope())).rejects.toThrow(NotFoundError);
      expect(log.of('tasks.setAssignee')).toEqual([]);
      expect(tx.rolledBack).toBe(1);
    }
  });

  it('refuses with 409 a task someone else claimed, and with 403 one for another role unless a manager claims it', async () => {
    const claimed = world(newTask({ assigneeId: OTHER_OFFICER, assigneeName: 'Pat Partner' }));
    await expect(claimed.service.claim(newTask().id, newScope())).rejects.toThrow(
      new ConflictError('This task is already claimed by Pat Partner'),
    );
    const forManagers = world(newTask({ candidateRole: 'manager' }));
    await expect(forManagers.service.claim(newTask().id, newScope())).rejects.toThrow(ForbiddenError);
    expect([...claimed.log.of('tasks.setAssignee'), ...forManagers.log.of('tasks.setAssignee')]).toEqual([]);
    const asManager = world(newTask({ candidateRole: 'manager' }));
    await asManager.service.claim(newTask().id, newScope({ roles: ['officer', 'manager'] }));
    expect(asManager.log.of('tasks.setAssignee')).toHaveLength(1);
  });

  it('lets only the claimant or a manager release a task', async () => {
    const task = newTask({ assigneeId: OTHER_OFFICER });
    const officer = world(task);
    await expect(officer.service.unclaim(task.id, newScope())).rejects.toThrow(ForbiddenError);
    const manager = world(task);
    await manager.service.unclaim(task.id, newScope({ roles: ['officer', 'manager'] }));
    expect(manager.log.of('tasks.setAssignee')).toEqual([[manager.tx.manager, task.id, null]]);
  });

  it('lets managers assign to a known user: 403 for officers, a 400 on username for an unknown one', async () => {
    const task = newTask();
    const officer = world(task);
    await expect(officer.service.assign(task.id, 'officer2', newScope())).rejects.toThrow(ForbiddenError);
    const manager = world(task);
    const scope = newScope({ roles: ['officer', 'manager'] });
    const unknown = await manager.service.assign(task.id, 'nobody', scope).catch((e) => e);
    expect(unknown).toBeInstanceOf(InputError);
    expect((unknown as InputError).errors.map((e) => e.path)).toEqual(['username']);
    expect(manager.log.of('tasks.findWorkable')).toEqual([]);
    await manager.service.assign(task.id, 'officer2', scope);
    expect(manager.log.of('tasks.setAssignee')).toEqual([[manager.tx.manager, task.id, OTHER_OFFICER]]);
  });
});
