import type { EntityManager } from 'typeorm';
import {
  CallLog,
  FakeTransactions,
  SIGHTING_FORM,
  fake,
  newCase,
  newPlugin,
  registryOf,
  silentLogger,
} from '../../../../test/utils/unit.js';
import type { AuditEntry, AuditRepository } from '../../audit/audit.repository.js';
import type { CaseView } from '../../cases/case-view.dto.js';
import type { CaseRecord } from '../../cases/case.types.js';
import type { CasesRepository } from '../../cases/cases.repository.js';
import type { Accepted, SubmissionService } from '../../cases/submission.service.js';
import { InputError, NotFoundError } from '../../common/errors.js';
import type { EnvConfig } from '../../config/env.config.js';
import type { UserEntity } from '../../identity/user.entity.js';
import type { UserRepository } from '../../identity/user.repository.js';
import type { NotificationHub } from '../../notifications/notification-hub.js';
import type { NewNotification, NotificationsRepository } from '../../notifications/notifications.repository.js';
import type { UsablePlugin } from '../../plugins/plugin-registry.js';
import type { ReadModelSync } from '../../read-model/read-model-sync.js';
import { ReferenceCatalogue } from '../../terms/reference-catalogue.js';
import { CerberusInboundService } from './cerberus-inbound.service.js';
import type { CerberusTargetsRepository } from './cerberus-targets.repository.js';

const receiver = newPlugin({ id: 'target', title: 'Target', receives: ['cerberus.target'] });
const NEW_CASE = '00000000-0000-4000-8000-0000000000d1';

/** The inbound service on fakes; `held` is the version (and case) already stored for the target, if any. */
function world(opts: { held?: { version: number; case: CaseRecord }; plugins?: UsablePlugin[]; teamId?: string } = {}) {
  const log = new CallLog();
  const tx = new FakeTransactions();
  const record =
    (method: string) =>
    async (...args: unknown[]) =>
      void log.record(method, args);
  const accepted = (message: Record<string, unknown>): Accepted => ({
    plugin: receiver,
    form: SIGHTING_FORM,
    answers: { vehicleRegistration: 'AB12CDE', urgent: message.urgent ?? false },
    state: 'new',
    teamId: opts.teamId ?? 'dover-freight',
    links: [],
    now: new Date(),
    key: { keyPrefix: 'BF-20261124-', base: 0 },
  });
  const submissions = fake<SubmissionService>('submissions', {
    accept: async (_plugin: UsablePlugin, _scope: unknown, input: { answers: unknown }) =>
      accepted(input.answers as Record<string, unknown>),
    storeWith: async (manager: EntityManager, a: Accepted) => {
      log.record('submissions.storeWith', [manager, a.teamId]);
      return { id: NEW_CASE, businessKey: 'BF-20261124-7', teamId: a.teamId } as CaseView;
    },
  });
  const targets = fake<CerberusTargetsRepository>('targets', {
    claim: async (...args: unknown[]) => {
      log.record('targets.claim', args);
      return !opts.held;
    },
    lock: async () => opts.held && { version: opts.held.version, caseId: opts.held.case.id },
    record: record('targets.record'),
    moveToTeam: async (...args: unknown[]) => {
      log.record('targets.moveToTeam', args);
      return 2;
    },
  });
  const cases = fake<CasesRepository>('cases', {
    findVisible: async (_m: EntityManager | undefined, id: string) =>
      opts.held?.case.id === id ? opts.held.case : undefined,
    replaceAnswers: async (...args: unknown[]) => {
      log.record('cases.replaceAnswers', args);
      return 2;
    },
  });
  const audits = fake<AuditRepository>('audits', { append: record('audits.append') });
  let batch = 0;
  const notifications = fake<NotificationsRepository>('notifications', {
    toAudience: async (...args: unknown[]) => {
      log.record('notifications.toAudience', args);
      return { batchId: `batch-${++batch}`, count: 1 };
    },
  });
  const users = fake<UserRepository>('users', {
    findByUsername: async (username: string) =>
      ({ id: 'cerberus-user', username, displayName: 'Cerberus', roles: ['officer'] }) as UserEntity,
  });
  const hub = fake<NotificationHub>('hub', { publish: (id: string) => log.record('hub.publish', [id]) });
  const readModels = fake<ReadModelSync>('readModels', { sync: record('readModels.sync') });
  const service = new CerberusInboundService(
    submissions,
    tx.provider,
    cases,
    targets,
    audits,
    notifications,
    users,
    hub,
    readModels,
    registryOf(...(opts.plugins ?? [receiver])),
    new ReferenceCatalogue(),
    fake<EnvConfig>('config', {}),
    silentLogger,
  );
  return { service, log, tx };
}

const message = (version: number, extra: Record<string, unknown> = {}) => ({
  targetId: 'T-100',
  targetVersion: version,
  ...extra,
});

describe('CerberusInboundService (repositories faked)', () => {
  it('refuses a target without an id or a whole version with field-level 400s, storing nothing', async () => {
    const { service, log } = world();
    const error = await service.receive({ targetVersion: 0 }, '192.0.2.8').catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).errors.map((e) => e.path)).toEqual(['targetId', 'targetVersion']);
    expect(log.methods).toEqual([]);
  });

  it('answers 404 when no enabled plugin receives targets', async () => {
    const { service, log } = world({ plugins: [newPlugin()] });
    await expect(service.receive(message(1), '192.0.2.8')).rejects.toThrow(NotFoundError);
    expect(log.methods).toEqual([]);
  });

  it('files a new target as a case in one transaction and announces it to the team on shift after commit', async () => {
    const { service, log, tx } = world();
    expect(await service.receive(message(1), '192.0.2.8')).toEqual({
      status: 'created',
      caseId: NEW_CASE,
      businessKey: 'BF-20261124-7',
    });
    expect(log.methods).toEqual([
      'targets.claim',
      'submissions.storeWith',
      'targets.record',
      'notifications.toAudience',
      'hub.publish',
    ]);
    expect(log.of('targets.claim')).toEqual([[tx.manager, 'T-100', 1]]);
    expect(log.of('targets.record')).toEqual([[tx.manager, 'T-100', 1, NEW_CASE]]);
    const [[manager, audience, note]] = log.of('notifications.toAudience') as [
      [EntityManager, object, NewNotification],
    ];
    expect(manager).toBe(tx.manager);
    expect(audience).toEqual({ teamIds: ['dover-freight'], onShiftOnly: true });
    expect(note).toMatchObject({ kind: 'cerberus.target', caseId: NEW_CASE, urgent: true });
    expect(tx.committed).toBe(1);
  });

  it('answers a version it holds, or an older one, with the case it has, writing nothing', async () => {
    const held = { version: 3, case: newCase({ pluginId: 'target' }) };
    for (const [version, status] of [
      [3, 'duplicate'],
      [2, 'ignored-older-version'],
    ] as const) {
      const { service, log } = world({ held });
      expect(await service.receive(message(version), '192.0.2.8')).toEqual({
        status,
        caseId: held.case.id,
        businessKey: held.case.businessKey,
        heldVersion: 3,
      });
      expect(log.methods).toEqual(['targets.claim']);
    }
  });

  it('takes a newer version: new answers and index, the case and its open tasks to the new team, audited, both teams told', async () => {
    const stored = { vehicleRegistration: 'AB12CDE', urgent: false };
    const held = { version: 1, case: newCase({ pluginId: 'target', teamId: 'dover-freight', answers: stored }) };
    const { service, log, tx } = world({ held, teamId: 'felixstowe-freight' });
    const receipt = await service.receive(message(2, { urgent: true }), '192.0.2.8');
    expect(receipt).toEqual({
      status: 'updated',
      caseId: held.case.id,
      businessKey: held.case.businessKey,
      changed: ['urgent'],
    });
    const [[m, caseId, answers, terms]] = log.of('cases.replaceAnswers') as [[EntityManager, string, object, object[]]];
    expect([m, caseId]).toEqual([tx.manager, held.case.id]);
    expect(answers).toEqual({ vehicleRegistration: 'AB12CDE', urgent: true });
    expect(terms).toEqual([expect.objectContaining({ term: 'vehicle.registration', normalised: 'AB12CDE' })]);
    expect(log.of('targets.record')).toEqual([[tx.manager, 'T-100', 2, held.case.id]]);
    expect(log.of('targets.moveToTeam')).toEqual([[tx.manager, held.case.id, 'dover-freight', 'felixstowe-freight']]);
    expect(log.of('readModels.sync')).toEqual([[tx.manager, 'target', held.case.id]]);
    const [[, [entry]]] = log.of('audits.append') as [[unknown, AuditEntry[]]];
    expect(entry).toMatchObject({
      action: 'case.updated',
      detail: {
        source: 'cerberus',
        fromVersion: 1,
        toVersion: 2,
        changed: ['urgent'],
        before: { urgent: false },
        after: { urgent: true },
        movedFromTeam: 'dover-freight',
        movedToTeam: 'felixstowe-freight',
        movedTasks: 2,
      },
    });
    const told = log.of('notifications.toAudience') as [EntityManager, { teamIds: string[] }, NewNotification][];
    expect(told.map(([, a, n]) => [a.teamIds, n.kind])).toEqual([
      [['dover-freight'], 'cerberus.target-updated'],
      [['felixstowe-freight'], 'cerberus.target'],
    ]);
    expect(told[0]![2].body).toBe('Changed: Is it urgent?. It is now with felixstowe-freight');
    expect(log.of('hub.publish')).toEqual([['batch-1'], ['batch-2']]);
    expect(tx.committed).toBe(1);
  });
});
