import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { AuditRepository } from '../audit/audit.repository.js';
import type { EnvConfig } from '../config/env.config.js';
import { Transactions } from '../database/transactions.js';
import { NotificationHub } from '../notifications/notification-hub.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { EscalationRepository } from './escalation.repository.js';

/** SLA escalation of overdue tasks, on a timer from @nestjs/schedule; exactly once across instances. */
@Injectable()
export class EscalationService implements OnApplicationBootstrap {
  private running = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly escalation: EscalationRepository,
    private readonly audits: AuditRepository,
    private readonly notifications: NotificationsRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly hub: NotificationHub,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.tick(), this.config.ESCALATION_INTERVAL_MS);
    timer.unref();
    this.scheduler.addInterval('sla-escalation', timer);
  }

  /** Escalates what is overdue now; returns how many tasks this instance escalated. */
  async tick(): Promise<number> {
    if (this.running || !this.transactions.available) return 0;
    this.running = true;
    try {
      const batches: string[] = [];
      const escalated = await this.transactions.run(async (manager) => {
        const tasks = await this.escalation.escalateOverdue(manager, 500);
        await this.audits.append(
          manager,
          tasks.map((t) => ({
            actorId: null,
            actor: 'system:sla-escalation',
            action: 'task.escalated',
            entityType: 'task',
            entityId: t.id,
            caseId: t.caseId,
            detail: {
              before: { priority: t.previousPriority, teamId: t.previousTeamId },
              after: { priority: t.priority, teamId: t.teamId },
            },
          })),
        );
        for (const t of tasks.filter((task) => task.notifyManagers && task.teamId)) {
          const { batchId } = await this.notifications.toAudience(
            manager,
            { teamIds: [t.previousTeamId ?? t.teamId!], roles: ['manager'] },
            {
              kind: 'task.overdue',
              title: `Overdue: ${t.title}`,
              body: `${t.businessKey} is overdue and now ${t.priority} priority.`,
              caseId: t.caseId,
              urgent: t.priority === 'urgent',
            },
          );
          batches.push(batchId);
        }
        return tasks.length;
      });
      batches.forEach((b) => this.hub.publish(b));
      if (escalated > 0) this.logger.info({ escalated }, 'overdue tasks escalated');
      return escalated;
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'SLA escalation failed; will retry');
      return 0;
    } finally {
      this.running = false;
    }
  }
}
