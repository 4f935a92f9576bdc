import type { AttachmentsService } from '../attachments/attachments.service.js';
import type { EntityManager } from 'typeorm';
import {
  CallLog,
  FakeTransactions,
  fake,
  newCase,
  newPlugin,
  newScope,
  pluginLookupOf,
  registryOf,
  silentLogger,
} from '../../../test/utils/unit.js';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import type { UserRepository } from '../identity/user.repository.js';
import type { OutboxDeliveryRepository } from '../integrations/outbox.repository.js';
import type { ReceivedMessages } from '../integrations/received.js';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import type { ReadModelSync } from '../read-model/read-model-sync.js';
import type { SubmitContext } from '../sdk/manifest.js';
import { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { CaseActionsService } from './case-actions.service.js';
import { PluginHookError } from './case-errors.js';
import type { CaseKeys } from './case-key.js';
import { CaseViewService } from './case-view.service.js';
import type { CaseRecord, TermRow } from './case.types.js';
import type { CasesRepository, NewCase } from './cases.repository.js';
import type { DraftsRepository } from './drafts.repository.js';
import type { OutboxRepository } from './outbox.repository.js';
import { SubmissionService, type SubmitInput } from './submission.service.js';
import type { NewTask, TaskRecord } from './task.types.js';
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

const NEW_CASE_ID = '00000000-0000-4000-8000-0000000000c1';
const CREATED_AT = new Date('2026-11-24T10:00:00Z');

/** A target's workflow, whose "Record the outcome" is done by starting a sighting linked to it. */
const target = newPlugin({
  id: 'target',
  title: 'Target',
  startForm: 'sighting',
  workflow: {
    initial: 'awaiting-outcome',
    states: [
      { id: 'awaiting-outcome', label: 'Awaiting outcome' },
      { id: 'outcome-recorded', label: 'Outcome recorded', terminal: true },
    ],
    actions: [
      {
        id: 'record-outcome',
        label: 'Record the outcome',
        from: ['awaiting-outcome'],
        to: 'outcome-recorded',
        roles: ['officer'],
        startsCase: 'sighting',
      },
    ],
  },
});

/** SubmissionService with its repositories replaced by fakes that record what they were asked. */
async function world(
  opts: {
    plugin?: UsablePlugin;
    visible?: CaseRecord[];
    earlier?: (call: number) => CaseRecord | undefined;
    insertFails?: Error;
    locked?: { state: string; version: number };
  } = {},
) {
  const log = new CallLog();
  const tx = new FakeTransactions();
  const plugin = opts.plugin ?? newPlugin();
  const plugins = await pluginLookupOf(registryOf(plugin, target));
  let lookups = 0;
  const cases = fake<CasesRepository>('cases', {
    findByIdempotencyKey: async (userId: string, key: string) => {
      log.record('cases.findByIdempotencyKey', [userId, key]);
      return opts.earlier?.(++lookups);
    },
    findVisibleByKey: async (key: string) => (opts.visible ?? []).find((c) => c.businessKey === key),
    findVisible: async (manager: EntityManager | undefined, id: string) => {
      log.record('cases.findVisible', [manager, id]);
      return (opts.visible ?? []).find((c) => c.id === id);
    },
    insertWithIndex: async (
      manager: EntityManager,
      c: NewCase,
      terms: TermRow[],
      tasks: Omit<NewTask, 'caseId'>[],
      audit: { actor: string; ip: string | null; detail: Record<string, unknown> },
    ) => {
      log.record('cases.insertWithIndex', [manager, c, terms, tasks, audit]);
      if (opts.insertFails) throw opts.insertFails;
      return {
        id: NEW_CASE_ID,
        businessKey: `${c.keyPrefix}${42 - c.keyBase}`,
        createdAt: CREATED_AT,
        updatedAt: CREATED_AT,
        tasks: tasks.map((t, i): TaskRecord => ({
          ...t,
          id: `task-${i + 1}`,
          caseId: NEW_CASE_ID,
          businessKey: `${c.keyPrefix}${42 - c.keyBase}`,
          caseState: c.state,
          status: 'open',
          assigneeName: null,
          createdAt: CREATED_AT,
          completedAt: null,
        })),
      };
    },
    insertLink: async (...args: unknown[]) => void log.record('cases.insertLink', args),
    links: async () => [],
    comments: async () => [],
    lockForAction: async (...args: unknown[]) => {
      log.record('cases.lockForAction', args);
      return opts.locked;
    },
    updateState: async (...args: unknown[]) => {
      log.record('cases.updateState', args);
      return (opts.locked?.version ?? 0) + 1;
    },
  });
  const drafts = fake<DraftsRepository>('drafts', {
    remove: async (...args: unknown[]) => {
      log.record('drafts.remove', args);
      return true;
    },
  });
  const tasks = fake<TasksRepository>('tasks', {
    completeOpenForCase: async (...args: unknown[]) => {
      log.record('tasks.completeOpenForCase', args);
      return [];
    },
    insert: async (...args: unknown[]) => {
      log.record('tasks.insert', args);
      return [];
    },
  });
  const audits = fake<AuditRepository>('audits', {
    append: async (manager: EntityManager | undefined, entries: AuditEntry[]) =>
      void log.record('audits.append', [manager, entries]),
    timeline: async () => [],
  });
  const outbox = fake<OutboxRepository>('outbox', {
    enqueue: async (...args: unknown[]) => void log.record('outbox.enqueue', args),
  });
  const readModels = fake<ReadModelSync>('readModels', {
    sync: async (...args: unknown[]) => void log.record('readModels.sync', args),
  });
  const keys = fake<CaseKeys>('keys', {
    forDay: async () => ({ day: '2026-11-24', base: 40, keyPrefix: 'BF-20261124-' }),
  });
  const received = fake<ReceivedMessages>('received', {});
  const reference = new ReferenceCatalogue();
  const views = new CaseViewService(
    cases,
    fake<TasksRepository>('tasks', { forCase: async () => [] }),
    audits,
    fake<UserRepository>('users', {}),
    fake<OutboxDeliveryRepository>('deliveries', { forCase: async () => [] }),
    plugins,
    reference,
  );
  const actions = new CaseActionsService(
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
  const service = new SubmissionService(
    plugins,
    tx.provider,
    cases,
    drafts,
    outbox,
    received,
    keys,
    views,
    actions,
    readModels,
    attachmentsFake,
    reference,
    silentLogger,
    noReadonlyAnswers,
  );
  return { service, log, tx, plugin };
}

const answers = { vehicleRegistration: 'ab12 cde', urgent: false };

describe('SubmissionService (repositories faked)', () => {
  it('refuses a role that may not start the workflow with 403, before looking anything up', async () => {
    const { service, log, tx } = await world();
    const analyst = newScope({ roles: ['intelligence'] });
    await expect(service.submit('sighting', analyst, { answers, idempotencyKey: 'k1' })).rejects.toThrow(
      ForbiddenError,
    );
    expect(log.methods).toEqual([]);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it('answers 404 for a disabled workflow', async () => {
    const { service, log } = await world({ plugin: { ...newPlugin(), status: 'disabled' } });
    await expect(service.submit('sighting', newScope(), { answers })).rejects.toThrow(NotFoundError);
    expect(log.methods).toEqual([]);
  });

  it('refuses answers the start form does not accept with field-level errors, storing nothing', async () => {
    const { service, log, tx } = await world();
    const error = await service.submit('sighting', newScope(), { answers: { urgent: 'perhaps' } }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => e.path).sort()).toEqual(['urgent', 'vehicleRegistration']);
    expect(log.of('cases.insertWithIndex')).toEqual([]);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it('refuses a linked case the officer cannot see as a 400 on that linkedTo entry, storing nothing', async () => {
    const seen = newCase({ pluginId: 'target', state: 'awaiting-outcome' });
    const { service, log, tx } = await world({ visible: [seen] });
    const error = await service
      .submit('sighting', newScope(), { answers, linkedTo: [seen.businessKey, 'BF-20261101-9'] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors).toEqual([
      { path: 'linkedTo[1]', message: 'There is no case BF-20261101-9 that you can see' },
    ]);
    expect(log.of('cases.insertWithIndex')).toEqual([]);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it('stores the case, its term index, first tasks and audit entry in one statement of one transaction', async () => {
    const { service, log, tx } = await world();
    const scope = newScope();
    const before = Date.now();
    const { view, replayed } = await service.submit('sighting', scope, {
      answers,
      idempotencyKey: 'key-1',
      ip: '192.0.2.7',
    });
    expect(replayed).toBe(false);
    expect(tx.committed).toBe(1);
    const [[manager, row, terms, tasks, audit]] = log.of('cases.insertWithIndex') as [
      [EntityManager, NewCase, TermRow[], Omit<NewTask, 'caseId'>[], { actor: string; ip: string; detail: object }],
    ];
    expect(manager).toBe(tx.manager);
    expect(row).toEqual({
      keyPrefix: 'BF-20261124-',
      keyBase: 40,
      pluginId: 'sighting',
      formId: 'sighting',
      formVersion: 1,
      answers: { vehicleRegistration: 'ab12 cde', urgent: false },
      state: 'new',
      teamId: 'dover-t1',
      createdBy: scope.userId,
      idempotencyKey: 'key-1',
      // The key's request: the workflow and body, hashed (idempotency.ts).
      idempotencyFingerprint: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(terms).toEqual([
      { term: 'vehicle.registration', path: 'vehicleRegistration', value: 'ab12 cde', normalised: 'AB12CDE' },
    ]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: 'Review the sighting', teamId: 'dover-t1', priority: 'medium' });
    const due = tasks[0]!.dueAt!.getTime() - 4 * 3600_000;
    expect(due).toBeGreaterThanOrEqual(before);
    expect(due).toBeLessThanOrEqual(Date.now());
    expect(audit).toEqual({
      actor: 'officer',
      ip: '192.0.2.7',
      detail: { pluginId: 'sighting', formId: 'sighting', formVersion: 1, state: 'new', after: row.answers },
    });
    expect(log.of('readModels.sync')).toEqual([[tx.manager, 'sighting', NEW_CASE_ID]]);
    // The view comes from what the transaction holds: no read after the insert.
    expect(log.methods).toEqual(['cases.findByIdempotencyKey', 'cases.insertWithIndex', 'readModels.sync']);
    expect(view).toMatchObject({
      id: NEW_CASE_ID,
      businessKey: 'BF-20261124-2',
      state: 'new',
      stateLabel: 'New',
      createdBy: { id: scope.userId, name: 'Olive Officer' },
      timeline: [{ action: 'case.created', actor: 'officer' }],
    });
    expect(view.tasks.map((t) => t.title)).toEqual(['Review the sighting']);
  });

  it('routes urgent answers to triage and files the case under the answer that names the owning team (teamFrom)', async () => {
    const { service, log } = await world({ plugin: newPlugin({ teamFrom: 'receivingTeam' }) });
    await service.submit('sighting', newScope(), {
      answers: { ...answers, urgent: true, receivingTeam: 'felixstowe-a' },
    });
    const [[, row, , tasks]] = log.of('cases.insertWithIndex') as [[unknown, NewCase, unknown, NewTask[]]];
    expect(row).toMatchObject({ state: 'triage', teamId: 'felixstowe-a' });
    expect(tasks).toEqual([
      expect.objectContaining({
        title: 'Triage now',
        teamId: 'felixstowe-a',
        candidateRole: 'manager',
        priority: 'urgent',
      }),
    ]);
  });

  it("removes the officer's draft in the submission's transaction", async () => {
    const { service, log, tx } = await world();
    const scope = newScope();
    await service.submit('sighting', scope, { answers, draftId: 'draft-1' });
    expect(log.of('drafts.remove')).toEqual([[tx.manager, 'draft-1', scope.userId]]);
  });

  it('answers a repeated Idempotency-Key with the earlier case, storing nothing', async () => {
    const earlier = newCase();
    const { service, log, tx } = await world({ earlier: () => earlier });
    const scope = newScope();
    const { view, replayed } = await service.submit('sighting', scope, { answers, idempotencyKey: 'key-1' });
    expect(replayed).toBe(true);
    expect(view.id).toBe(earlier.id);
    expect(log.of('cases.findByIdempotencyKey')).toEqual([[scope.userId, 'key-1']]);
    expect(log.of('cases.insertWithIndex')).toEqual([]);
    expect(tx.committed + tx.rolledBack).toBe(0);
  });

  it("answers the loser of two requests racing on one Idempotency-Key with the winner's case", async () => {
    const winner = newCase();
    const duplicate = Object.assign(new Error('duplicate key'), { constraint: 'case_idempotency' });
    const { service, tx } = await world({
      earlier: (call) => (call === 1 ? undefined : winner),
      insertFails: duplicate,
    });
    const { view, replayed } = await service.submit('sighting', newScope(), { answers, idempotencyKey: 'key-1' });
    expect(replayed).toBe(true);
    expect(view.id).toBe(winner.id);
    expect(tx.rolledBack).toBe(1);
  });

  it('passes the same failure on when it is not an Idempotency-Key race', async () => {
    const failure = Object.assign(new Error('connection lost'), { constraint: undefined });
    const { service, tx } = await world({ earlier: () => undefined, insertFails: failure });
    await expect(service.submit('sighting', newScope(), { answers, idempotencyKey: 'key-1' })).rejects.toBe(failure);
    expect(tx.rolledBack).toBe(1);
  });

  it("runs onSubmit on the submission's transaction, and a throwing hook rolls it all back as a PluginHookError", async () => {
    let seen: SubmitContext | undefined;
    const plugin = newPlugin({
      hooks: {
        onSubmit: (ctx) => {
          seen = ctx;
          throw new Error('the seizure register is closed');
        },
      },
    });
    const { service, tx } = await world({ plugin });
    const error = await service.submit('sighting', newScope(), { answers }).catch((e) => e);
    expect(error).toBeInstanceOf(PluginHookError);
    expect((error as PluginHookError).reason).toBe('the seizure register is closed');
    expect(seen?.manager).toBe(tx.manager);
    expect(seen?.case).toMatchObject({ id: NEW_CASE_ID, businessKey: 'BF-20261124-2', version: 1 });
    expect(tx.committed).toBe(0);
    expect(tx.rolledBack).toBe(1);
  });

  it("takes the linked case's action done by starting this case, in the same transaction", async () => {
    const linked = newCase({ pluginId: 'target', state: 'awaiting-outcome', version: 3 });
    const { service, log, tx } = await world({ visible: [linked], locked: { state: 'awaiting-outcome', version: 3 } });
    const { view } = await service.submit('sighting', newScope(), { answers, linkedTo: [linked.businessKey] });
    expect(log.of('cases.insertLink')).toEqual([[tx.manager, linked.id, NEW_CASE_ID, 'led-to']]);
    expect(log.of('cases.lockForAction')).toEqual([[tx.manager, linked.id]]);
    expect(log.of('cases.updateState')).toEqual([[tx.manager, linked.id, 3, 'outcome-recorded', null]]);
    const [[manager, entries]] = log.of('audits.append') as [[EntityManager, AuditEntry[]]];
    expect(manager).toBe(tx.manager);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'case.transitioned',
        caseId: linked.id,
        detail: expect.objectContaining({ byCase: 'BF-20261124-2', action: 'record-outcome' }),
      }),
    ]);
    expect(view.links).toEqual([
      { id: linked.id, businessKey: linked.businessKey, pluginId: 'target', kind: 'led-to', direction: 'from' },
    ]);
    expect(tx.committed).toBe(1);
  });

  it('refuses with 409 when the linked case has moved on since, rolling the new case back', async () => {
    const linked = newCase({ pluginId: 'target', state: 'awaiting-outcome', version: 3 });
    const { service, log, tx } = await world({ visible: [linked], locked: { state: 'outcome-recorded', version: 4 } });
    const input: SubmitInput = { answers, linkedTo: [linked.businessKey] };
    const error = await service.submit('sighting', newScope(), input).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({
      caseId: linked.id,
      currentState: 'outcome-recorded',
      currentVersion: 4,
    });
    expect(log.of('cases.updateState')).toEqual([]);
    expect(tx.rolledBack).toBe(1);
  });
});
