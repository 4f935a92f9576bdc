import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EscalatedTask {
  id: string;
  caseId: string;
  businessKey: string;
  title: string;
  teamId: string | null;
  priority: string;
  previousPriority: string;
  previousTeamId: string | null;
  notifyManagers: boolean;
}

/**
 * Claims overdue tasks that have an escalation and are not escalated yet, and escalates them:
 * raises the priority, reassigns to another team if asked. `FOR UPDATE SKIP LOCKED` plus the
 * `escalated_at` mark make each task escalate exactly once, however many instances run this.
 */
const ESCALATE_OVERDUE = `WITH due AS (
       SELECT t.id FROM core.task t
        WHERE t.status = 'open' AND t.escalated_at IS NULL AND t.escalation IS NOT NULL AND t.due_at < now()
        ORDER BY t.due_at LIMIT $1 FOR UPDATE SKIP LOCKED
     ), raised AS (
       SELECT t.id, t.priority AS previous_priority, t.team_id AS previous_team,
              GREATEST(t.priority_rank, CASE t.escalation->>'raisePriorityTo'
                WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 WHEN 'urgent' THEN 4 ELSE 0 END) AS new_rank
         FROM core.task t JOIN due ON due.id = t.id
     )
     UPDATE core.task t
        SET escalated_at = now(),
            priority_rank = r.new_rank,
            priority = (ARRAY['low', 'medium', 'high', 'urgent'])[r.new_rank],
            team_id = coalesce(t.escalation->>'reassignTo', t.team_id),
            assignee_id = CASE WHEN t.escalation->>'reassignTo' IS NULL THEN t.assignee_id END
       FROM raised r, core.case c
      WHERE t.id = r.id AND c.id = t.case_id
      RETURNING t.id, t.case_id AS "caseId", c.business_key AS "businessKey", t.title, t.team_id AS "teamId", t.priority,
                r.previous_priority AS "previousPriority", r.previous_team AS "previousTeamId",
                coalesce((t.escalation->>'notifyManagers')::boolean, false) AS "notifyManagers"`;

/** The SLA escalation of overdue tasks (core.task), in the caller's transaction. */
@Injectable()
export class EscalationRepository {
  /** Escalates up to `limit` overdue tasks (ESCALATE_OVERDUE); returns them as they are now. */
  async escalateOverdue(manager: EntityManager, limit: number): Promise<EscalatedTask[]> {
    const result = (await manager.query(ESCALATE_OVERDUE, [limit])) as [EscalatedTask[], number];
    return result[0];
  }
}
