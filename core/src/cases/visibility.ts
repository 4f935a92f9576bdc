import type { AccessScope } from '../identity/access.js';

/**
 * SQL that limits cases (alias `c`) to those the caller may see: their own, their teams'
 * (a manager's whole command), and any with a task for their team or themselves. Admins see
 * all. Parameters are appended to `params`; returns the predicate.
 */
export function visibleCasePredicate(scope: AccessScope, params: unknown[]): string {
  if (scope.all) return 'TRUE';
  params.push(scope.userId, scope.visibleTeams);
  const user = `$${params.length - 1}`;
  const teams = `$${params.length}`;
  return `(c.created_by = ${user} OR c.team_id = ANY(${teams}) OR c.assignee_id = ${user}
    OR EXISTS (SELECT 1 FROM core.task vt WHERE vt.case_id = c.id AND (vt.team_id = ANY(${teams}) OR vt.assignee_id = ${user})))`;
}
