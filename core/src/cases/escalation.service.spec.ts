import type { SchedulerRegistry } from '@nestjs/schedule';
import type { EntityManager } from 'typeorm';
import { CallLog, FakeTransactions, fake, silentLogger } from '../../../test/utils/unit.js';
import type { AuditEntry, AuditRepository } from '../audit/audit.repository.js';
import type { EnvConfig } from '../config/env.config.js';
import type { NotificationHub } from '../notifications/notification-hub.js';
import type { NotificationsRepository } from '../notifications/notifications.repository.js';
import type { EscalatedTask, EscalationRepository } from './escalation.repository.js';
import { EscalationService } from './escalation.service.js';

const overdue = (overrides: Partial<EscalatedTask>): EscalatedTask => ({
  id: 'task-1',
  caseId: 'case-1',
  businessKey: 'BF-20261124-1',
  title: 'Review the sighting',
  teamId: 'dover-t1',
  priority: 'high',
  previousPriority: 'medium',
  previousTeamId: 'dover-t1',
  notifyManagers: false,
  ...overrides,
});

function world(escalated: EscalatedTask[], opts: { fails?: boolean } = {}) {
  const log = new CallLog();
  const tx = new FakeTransactions();
  const escalation = fake<EscalationRepository>('escalation', {
    escalateOverdue: async (manager: EntityManager, limit: number) => {
      log.record('escalation.escalateOverdue', [manager, limit]);
      return escalated;
    },
  });
  const audits = fake<AuditRepository>('audits', {
    append: async (manager: EntityManager | undefined, entries: AuditEntry[]) => {
      log.record('audits.append', [manager, entries]);
      if (opts.fails) throw new Error('the audit table is read-only');
    },
  });
  let batch = 0;
  const notifications = fake<NotificationsRepository>('notifications', {
    toAudience: async (...args: unknown[]) => {
      log.record('notifications.toAudience', args);
      return { batchId: `batch-${++batch}`, count: 1 };
    },
  });
  const hub = fake<NotificationHub>('hub', { publish: (batchId: string) => log.record('hub.publish', [batchId]) });
  const service = new EscalationService(
    tx.provider,
    escalation,
    audits,
    notifications,
    fake<SchedulerRegistry>('scheduler', {}),
    hub,
    fake<EnvConfig>('config', {}),
    silentLogger,
  );
  return { service, log, tx };
}

describe('EscalationService (repositories faked)', () => {
  it('escalates, audits and tells the managers of the team that held the task, publishing only after commit', async () => {
    const moved = overdue({ id: 'task-2', teamId: 'felixstowe-a', priority: 'urgent', notifyManagers: true });
    const { service, log, tx } = world([overdue({}), moved]);
    expect(await service.tick()).toBe(2);
    expect(log.of('escalation.escalateOverdue')).toEqual([[tx.manager, 500]]);
    const [[manager, entries]] = log.of('audits.append') as [[EntityManager, AuditEntry[]]];
    expect(manager).toBe(tx.manager);
    expect(entries.map((e) => [e.entityId, e.action, e.actor])).toEqual([
      ['task-1', 'task.escalated', 'system:sla-escalation'],
      ['task-2', 'task.escalated', 'system:sla-escalation'],
    ]);
    expect(entries[1]!.detail).toEqual({
      before: { priority: 'medium', teamId: 'dover-t1' },
      after: { priority: 'urgent', teamId: 'felixstowe-a' },
    });
    expect(log.of('notifications.toAudience')).toEqual([
      [
        tx.manager,
        { teamIds: ['dover-t1'], roles: ['manager'] },
        {
          kind: 'task.overdue',
          title: 'Overdue: Review the sighting',
          body: 'BF-20261124-1 is overdue and now urgent priority.',
          caseId: 'case-1',
          urgent: true,
        },
      ],
    ]);
    expect(log.methods.at(-1)).toBe('hub.publish');
    expect(log.of('hub.publish')).toEqual([['batch-1']]);
    expect(tx.committed).toBe(1);
  });

  it('publishes nothing and reports none escalated when the transaction fails', async () => {
    const { service, log, tx } = world([overdue({ notifyManagers: true })], { fails: true });
    expect(await service.tick()).toBe(0);
    expect(log.of('hub.publish')).toEqual([]);
    expect(tx.rolledBack).toBe(1);
  });

  it('does nothing while the database is closing', async () => {
    const { service, log, tx } = world([overdue({})]);
    tx.available = false;
    expect(await service.tick()).toBe(0);
    expect(log.methods).toEqual([]);
  });
});
