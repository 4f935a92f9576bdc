import type { EntityManager } from 'typeorm';
import { CallLog, fake, newCase, newPlugin, newScope, pluginLookupOf, registryOf } from '../../../test/utils/unit.js';
import type { AuditEntry, AuditRepository, CaseAuditRow } from '../audit/audit.repository.js';
import { InputError, NotFoundError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import type { UserRepository } from '../identity/user.repository.js';
import type { OutboxDeliveryRepository } from '../integrations/outbox.repository.js';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { CaseViewService } from './case-view.service.js';
import type { CaseListFilter, CaseRecord } from './case.types.js';
import type { CasesRepository } from './cases.repository.js';
import type { TaskRecord } from './task.types.js';
import type { TasksRepository } from './tasks.repository.js';

const MORGAN = '00000000-0000-4000-8000-0000000000a1';

/** CaseViewService on fake repositories holding `stored`; a scope sees the cases of its visible teams. */
async function world(stored: CaseRecord[], opts: { plugins?: UsablePlugin[]; page?: CaseRecord[] } = {}) {
  const log = new CallLog();
  const visibleTo = (c: CaseRecord, scope: AccessScope) => scope.all || scope.visibleTeams.includes(c.teamId ?? '');
  const cases = fake<CasesRepository>('cases', {
    findVisible: async (manager: EntityManager | undefined, id: string, scope: AccessScope) => {
      log.record('cases.findVisible', [manager, id]);
      return stored.find((c) => c.id === id && visibleTo(c, scope));
    },
    findVisibleByKey: async (key: string, scope: AccessScope) => {
      log.record('cases.findVisibleByKey', [key]);
      return stored.find((c) => c.businessKey === key && visibleTo(c, scope));
    },
    links: async () => [],
    comments: async (caseId: string) => [
      { id: 'comment-1', author: 'Olive Officer', body: `About ${caseId}`, createdAt: new Date() },
    ],
    list: async (_scope: AccessScope, filter: CaseListFilter) => {
      log.record('cases.list', [filter]);
      return opts.page ?? [];
    },
  });
  const task: TaskRecord = {
    id: 'task-1',
    caseId: stored[0]?.id ?? '',
    businessKey: stored[0]?.businessKey ?? '',
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
    createdAt: new Date(),
    completedAt: null,
  };
  const tasks = fake<TasksRepository>('tasks', { forCase: async () => [task] });
  const trail: CaseAuditRow[] = [
    {
      at: new Date('2026-11-24T10:00:00Z'),
      actor: 'manager',
      action: 'task.assigned',
      entityType: 'task',
      entityId: 'task-1',
      ip: null,
      before: { assigneeId: null },
      after: { assigneeId: MORGAN },
      detail: {},
    },
    {
      at: new Date('2026-11-24T10:05:00Z'),
      actor: 'manager',
      action: 'task.assigned',
      entityType: 'task',
      entityId: 'task-1',
      ip: null,
      before: { assigneeId: MORGAN },
      after: { assigneeId: 'no-longer-a-user' },
      detail: {},
    },
  ];
  const audits = fake<AuditRepository>('audits', {
    append: async (manager: EntityManager | undefined, entries: AuditEntry[]) =>
      void log.record('audits.append', [manager, entries]),
    forCase: async (caseId: string) => {
      log.record('audits.forCase', [caseId]);
      return trail;
    },
    timeline: async () => [{ at: new Date(), actor: 'officer', action: 'case.created', detail: {} }],
  });
  const users = fake<UserRepository>('users', {
    names: async (ids: string[]) => {
      log.record('users.names', [ids]);
      return ids.includes(MORGAN) ? [{ id: MORGAN, displayName: 'Morgan Manager', username: 'manager' }] : [];
    },
  });
  const outbox = fake<OutboxDeliveryRepository>('deliveries', {
    forCase: async () => [
      { topic: 'cerberus.outcome', status: 'dead', attempts: 8, deliveredAt: null, lastError: 'HTTP 500' },
    ],
  });
  const plugins = await pluginLookupOf(registryOf(...(opts.plugins ?? [newPlugin()])));
  const service = new CaseViewService(cases, tasks, audits, users, outbox, plugins, new ReferenceCatalogue());
  return { service, log };
}

describe('CaseViewService (repositories faked)', () => {
  const ours = newCase({ teamId: 'dover-t1' });
  const theirs = newCase({ teamId: 'felixstowe-a' });

  it("answers 404 for a case outside the caller's scope, as for one that does not exist, and records no view", async () => {
    const { service, log } = await world([ours, theirs]);
    await expect(service.view(theirs.id, newScope())).rejects.toThrow(NotFoundError);
    await expect(service.view('00000000-0000-4000-8000-00000000ffff', newScope())).rejects.toThrow(NotFoundError);
    await expect(service.view(theirs.businessKey, newScope())).rejects.toThrow(NotFoundError);
    expect(log.of('audits.append')).toEqual([]);
  });

  it('answers 404 for a case of a workflow the core no longer has', async () => {
    const orphan = newCase({ pluginId: 'retired-workflow' });
    const { service } = await world([orphan]);
    await expect(service.view(orphan.id, newScope({ all: true }))).rejects.toThrow(NotFoundError);
  });

  it('finds a case by id or by business key, records the view on its own, and builds it from the repositories', async () => {
    const { service, log } = await world([ours]);
    const scope = newScope();
    const view = await service.view(ours.businessKey, scope, '192.0.2.1');
    expect(log.of('cases.findVisibleByKey')).toEqual([[ours.businessKey]]);
    expect(log.of('audits.append')).toEqual([
      [
        undefined,
        [
          {
            actorId: scope.userId,
            actor: 'officer',
            action: 'case.viewed',
            entityType: 'case',
            entityId: ours.id,
            caseId: ours.id,
            ip: '192.0.2.1',
          },
        ],
      ],
    ]);
    expect(view).toMatchObject({
      id: ours.id,
      stateLabel: 'New',
      terminal: false,
      pluginTitle: 'Sighting',
      comments: [{ body: `About ${ours.id}` }],
      timeline: [{ action: 'case.created' }],
      deliveries: [{ topic: 'cerberus.outcome', status: 'dead', label: 'Failed: needs attention (HTTP 500)' }],
    });
    expect(view.tasks.map((t) => t.title)).toEqual(['Review the sighting']);
    expect(view.summary[0]).toMatchObject({ path: 'vehicleRegistration', value: 'AB12 CDE' });
    await service.view(ours.id, scope);
    expect(log.of('cases.findVisible')).toEqual([[undefined, ours.id]]);
  });

  it("offers only the actions the caller's roles may take", async () => {
    const { service } = await world([ours]);
    expect((await service.view(ours.id, newScope())).actions).toEqual([]);
    const manager = newScope({ roles: ['officer', 'manager'] });
    expect((await service.view(ours.id, manager)).actions).toEqual([{ id: 'close', label: 'Close', form: null }]);
  });

  it('offers an action done by starting another case only while that workflow is enabled and the caller may start it', async () => {
    const target = newPlugin({
      id: 'target',
      workflow: {
        initial: 'awaiting-outcome',
        states: [
          { id: 'awaiting-outcome', label: 'Awaiting outcome' },
          { id: 'done', label: 'Done', terminal: true },
        ],
        actions: [
          {
            id: 'record-outcome',
            label: 'Record the outcome',
            from: ['awaiting-outcome'],
            to: 'done',
            roles: ['officer', 'intelligence'],
            startsCase: 'sighting',
          },
        ],
      },
    });
    const c = newCase({ pluginId: 'target', state: 'awaiting-outcome' });
    const enabled = await world([c], { plugins: [target, newPlugin()] });
    expect((await enabled.service.view(c.id, newScope())).actions).toEqual([
      { id: 'record-outcome', label: 'Record the outcome', form: null, startsCase: 'sighting' },
    ]);
    // The intelligence role may take the action but cannot start a sighting (officers only).
    expect((await enabled.service.view(c.id, newScope({ roles: ['intelligence'] }))).actions).toEqual([]);
    const disabled = await world([c], { plugins: [target, { ...newPlugin(), status: 'disabled' }] });
    expect((await disabled.service.view(c.id, newScope())).actions).toEqual([]);
  });

  it('names assignees in the audit trail, keeps an unknown id as it is, and records looking after reading', async () => {
    const { service, log } = await world([ours]);
    const entries = await service.audit(ours.id, newScope(), '192.0.2.9');
    expect(log.of('users.names')).toEqual([[[MORGAN, 'no-longer-a-user']]]);
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [{ assignee: null }, { assignee: 'Morgan Manager (manager)' }],
      [{ assignee: 'Morgan Manager (manager)' }, { assignee: 'no-longer-a-user' }],
    ]);
    // Read first, then recorded: the trail shown never contains its own viewing.
    expect(log.methods).toEqual(['cases.findVisible', 'audits.forCase', 'audits.append', 'users.names']);
    const [[manager, [entry]]] = log.of('audits.append') as [[undefined, AuditEntry[]]];
    expect(manager).toBeUndefined();
    expect(entry).toMatchObject({ action: 'case.audit-viewed', caseId: ours.id, ip: '192.0.2.9' });
  });

  it('asks for one row more than the page to know whether there is a next page, and pages on from its cursor', async () => {
    const rows = [newCase(), newCase(), newCase()];
    const { service, log } = await world([], { page: rows });
    const first = await service.list(newScope(), { pluginId: 'sighting' }, 2);
    expect(log.of('cases.list')).toEqual([[{ pluginId: 'sighting', limit: 3, after: undefined }]]);
    expect(first.cases.map((c) => c.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(first.cases[0]).not.toHaveProperty('answers');
    expect(first.nextCursor).not.toBeNull();
    await service.list(newScope(), {}, 2, first.nextCursor!);
    expect(log.of('cases.list')[1]).toEqual([
      { limit: 3, after: { createdAt: rows[1]!.createdAt.toISOString(), id: rows[1]!.id } },
    ]);
  });

  it('has no next page when the repository returns no more than the page', async () => {
    const { service } = await world([], { page: [newCase(), newCase()] });
    expect((await service.list(newScope(), {}, 2)).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make with a 400 on cursor, before querying', async () => {
    const { service, log } = await world([]);
    const error = await service.list(newScope(), {}, 2, 'not-a-cursor').catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => e.path)).toEqual(['cursor']);
    expect(log.of('cases.list')).toEqual([]);
  });
});
