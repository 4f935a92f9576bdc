import type { AttachmentsService } from '../attachments/attachments.service.js';
import type { EntityManager } from 'typeorm';
import {
  CallLog,
  FakeTransactions,
  SIGHTING_FORM,
  fake,
  newCase,
  newPlugin,
  newScope,
  pluginLookupOf,
  registryOf,
} from '../../../test/utils/unit.js';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import type { FormDefinition } from '../forms/engine/index.js';
import type { UserRepository } from '../identity/user.repository.js';
import type { OutboxDeliveryRepository } from '../integrations/outbox.repository.js';
import type { ReadModelSync } from '../read-model/read-model-sync.js';
import { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { CaseActionsService } from './case-actions.service.js';
import { CaseViewService } from './case-view.service.js';
import type { CaseRecord } from './case.types.js';
import type { CasesRepository } from './cases.repository.js';
import type { OutboxEvent, OutboxRepository } from './outbox.repository.js';
import type { DraftsService } from './drafts.service.js';
import type { TasksRepository } from './tasks.repository.js';

/** Forms in these specs have no file questions: the attachments service has nothing to look up or attach. */
const attachmentsFake = fake<AttachmentsService>('attachments', {
  draftLookup: async () => ({ find: () => undefined }),
  caseLookup: async () => ({ find: () => undefined }),
  claimDraft: async () => undefined,
  attachToCase: async () => undefined,
});
/** Nor read-only questions: there are no pre-filled answers to keep. */
const noReadonlyAnswers = fake<DraftsService>('drafts', { readonlyAnswers: async () => undefined });

/** The form a manager fills in to close a sighting: what came of it, and the vehicle as checked. */
const CLOSURE_FORM: FormDefinition = {
  id: 'closure',
  version: 1,
  title: 'Close the sighting',
  type: 'single',
  pages: [
    {
      id: 'closure',
      title: 'Closure',
      components: [
        {
          type: 'text',
          name: 'outcome',
          label: 'What came of it?',
          required: true,
          maxLength: 200,
          messages: { required: 'Enter what came of it' },
        },
        { name: 'vehicleRegistration', term: 'vehicle.registration' },
      ],
    },
  ],
};

const plugin = newPlugin(
  {
    workflow: {
      initial: 'new',
      states: [
        { id: 'new', label: 'New' },
        { id: 'closed', label: 'Closed', terminal: true, tasks: [{ title: 'File the sighting', priority: 'low' }] },
      ],
      actions: [
        { id: 'close', label: 'Close', from: ['new'], to: 'closed', roles: ['manager'], form: 'closure' },
        { id: 'withdraw', label: 'Withdraw', from: ['new'], to: 'closed', roles: ['officer'] },
        { id: 'refer', label: 'Refer', from: ['new'], to: 'closed', roles: ['officer'], startsCase: 'sighting' },
      ],
    },
  },
  [SIGHTING_FORM, CLOSURE_FORM],
);

async function world(stored: CaseRecord, opts: { stale?: boolean } = {}) {
  const log = new CallLog();
  const tx = new FakeTransactions();
  const record =
    (method: string) =>
    async (...args: unknown[]) =>
      void log.record(method, args);
  const cases = fake<CasesRepository>('cases', {
    findVisible: async (manager: EntityManager | undefined, id: string) => {
      log.record('cases.findVisible', [manager, id]);
      return id === stored.id ? stored : undefined;
    },
    findVisibleByKey: async () => undefined,
    updateState: async (...args: unknown[]) => {
      log.record('cases.updateState', args);
      return opts.stale ? undefined : stored.version + 1;
    },
    currentVersion: async () => stored.version + 2,
    indexActionTerms: record('cases.indexActionTerms'),
    addComment: async (...args: unknown[]) => {
      log.record('cases.addComment', args);
      return { id: 'comment-1', createdAt: new Date() };
    },
    links: async () => [],
    comments: async () => [],
  });
  const tasks = fake<TasksRepository>('tasks', {
    completeOpenForCase: async (...args: unknown[]) => {
      log.record('tasks.completeOpenForCase', args);
      return ['task-1'];
    },
    insert: async (...args: unknown[]) => {
      log.record('tasks.insert', args);
      return [];
    },
    forCase: async () => [],
  });
  const audits = fake<AuditRepository>('audits', { append: record('audits.append'), timeline: async () => [] });
  const outbox = fake<OutboxRepository>('outbox', { enqueue: record('outbox.enqueue') });
  const readModels = fake<ReadModelSync>('readModels', { sync: record('readModels.sync') });
  const plugins = await pluginLookupOf(registryOf(plugin));
  const reference = new ReferenceCatalogue();
  const views = new CaseViewService(
    cases,
    tasks,
    audits,
    fake<UserRepository>('users', {}),
    fake<OutboxDeliveryRepository>('deliveries', { forCase: async () => [] }),
    plugins,
    reference,
  );
  const service = new CaseActionsService(
    tx.provider,
    cases,
    tasks,
    audits,
    outbox,
    plugins,
    views,
    readModels,
    attachmentsFake,
    reference,
    noReadonlyAnswers,
  );
  return { service, log, tx };
}

const manager = newScope({ roles: ['officer', 'manager'] });
const closing = { version: 1, answers: { outcome: 'Vehicle searched, nothing found', vehicleRegistration: 'ab12cde' } };

describe('CaseActionsService (repositories faked)', () => {
  it('answers 404 for an action the workflow does not have, and for a case the caller cannot see', async () => {
    const c = newCase();
    const { service, tx } = await world(c);
    await expect(service.act(c.id, 'escalate', manager, { version: 1 })).rejects.toThrow(NotFoundError);
    await expect(service.act(newCase().id, 'withdraw', manager, { version: 1 })).rejects.toThrow(NotFoundError);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it("refuses with 403 an action the caller's role may not take, and with 409 one the state does not allow", async () => {
    const open = newCase({ state: 'new' });
    const first = await world(open);
    await expect(first.service.act(open.id, 'close', newScope(), closing)).rejects.toThrow(ForbiddenError);
    const closed = newCase({ state: 'closed', version: 4 });
    const second = await world(closed);
    const conflict = await second.service.act(closed.id, 'withdraw', newScope(), { version: 4 }).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).details).toEqual({
      caseId: closed.id,
      currentState: 'closed',
      currentVersion: 4,
    });
    expect([first.tx, second.tx].map((t) => t.committed + t.rolledBack)).toEqual([0, 0]);
  });

  it('refuses with a 400 on action an action that is done by starting another case', async () => {
    const c = newCase();
    const { service, tx } = await world(c);
    const error = await service.act(c.id, 'refer', newScope(), { version: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors).toEqual([
      { path: 'action', message: '"Refer" is done by starting a Sighting from this case' },
    ]);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it("refuses answers the action's form does not accept, and answers to an action without a form", async () => {
    const c = newCase();
    const { service, tx } = await world(c);
    const bad = await service.act(c.id, 'close', manager, { version: 1, answers: {} }).catch((e) => e);
    expect((bad as InputError).errors.map((e) => e.path)).toEqual(['outcome']);
    const extra = await service
      .act(c.id, 'withdraw', newScope(), { version: 1, answers: { outcome: 'x' } })
      .catch((e) => e);
    expect((extra as InputError).errors).toEqual([{ path: 'answers', message: '"Withdraw" takes no answers' }]);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it('moves the case in one transaction: state, action terms, tasks, audit entry and case event, then shows it afresh', async () => {
    const c = newCase({ version: 1 });
    const { service, log, tx } = await world(c);
    const view = await service.act(c.id, 'close', manager, { ...closing, ip: '192.0.2.3' });
    expect(tx.committed).toBe(1);
    const inTransaction = log.calls.filter((call) => call.args[0] === tx.manager).map((call) => call.method);
    expect(inTransaction).toEqual([
      'cases.updateState',
      'readModels.sync',
      'cases.indexActionTerms',
      'tasks.completeOpenForCase',
      'tasks.insert',
      'audits.append',
      'outbox.enqueue',
    ]);
    expect(log.of('cases.updateState')).toEqual([[tx.manager, c.id, 1, 'closed', closing.answers]]);
    expect(log.of('cases.indexActionTerms')).toEqual([
      [
        tx.manager,
        c.id,
        'close',
        [{ term: 'vehicle.registration', path: 'vehicleRegistration', value: 'ab12cde', normalised: 'AB12CDE' }],
      ],
    ]);
    const [[, newTasks]] = log.of('tasks.insert') as [[unknown, { title: string; stateId: string }[]]];
    expect(newTasks.map((t) => [t.title, t.stateId])).toEqual([['File the sighting', 'closed']]);
    const [[, [entry]]] = log.of('audits.append') as [[unknown, AuditEntry[]]];
    expect(entry).toMatchObject({
      action: 'case.transitioned',
      caseId: c.id,
      ip: '192.0.2.3',
      detail: { action: 'close', before: { state: 'new' }, after: { state: 'closed' }, tasksCompleted: 1 },
    });
    const [[, [event]]] = log.of('outbox.enqueue') as [[unknown, OutboxEvent[]]];
    expect(event).toMatchObject({
      topic: 'case.transitioned',
      status: 'delivered',
      key: `case.transitioned:${c.id}:2`,
    });
    // Read back after the commit, whoever may see it now.
    expect(log.of('cases.findVisible').at(-1)).toEqual([undefined, c.id]);
    expect(view.id).toBe(c.id);
  });

  it('answers 409 with the current version when someone else changed the case first, rolling back', async () => {
    const c = newCase({ version: 1 });
    const { service, log, tx } = await world(c, { stale: true });
    const error = await service.act(c.id, 'withdraw', newScope(), { version: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({ currentVersion: 3 });
    expect(log.of('audits.append')).toEqual([]);
    expect(tx.rolledBack).toBe(1);
  });

  it('records a comment and its audit entry in one transaction', async () => {
    const c = newCase();
    const { service, log, tx } = await world(c);
    const scope = newScope();
    await service.comment(c.id, 'Driver was cooperative', scope, '192.0.2.4');
    expect(log.of('cases.addComment')).toEqual([[tx.manager, c.id, scope.userId, 'Driver was cooperative']]);
    const [[m, [entry]]] = log.of('audits.append') as [[EntityManager, AuditEntry[]]];
    expect(m).toBe(tx.manager);
    expect(entry).toMatchObject({
      action: 'case.commented',
      entityId: 'comment-1',
      detail: { body: 'Driver was cooperative' },
    });
    expect(tx.committed).toBe(1);
  });
});
