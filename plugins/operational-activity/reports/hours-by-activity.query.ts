import type { ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const hoursByActivityFields = [
  'period.from',
  'period.to',
  'totals.reports',
  'totals.staffHours',
  'totals.activityHours',
  'totals.teams',
  'byActivity.activity',
  'byActivity.mode',
  'byActivity.hours',
  'byActivity.reports',
  'byMode.mode',
  'byMode.hours',
  'byTeam.team',
  'byTeam.reports',
  'byTeam.staffHours',
  'byTeam.activityHours',
];

interface ActivityMode {
  activity: string;
  mode: string;
  minutes: number;
  reports: number;
}

/**
 * Hours recorded on end-of-shift reports whose shift started between `from` and `to` (UK
 * dates, inclusive) in the manager's command, or the command or team chosen. Staff hours are
 * staff on shift × shift length; activity hours are the minutes allocated to each activity
 * (they add up to the shift length on every report).
 */
export async function hoursByActivity(ctx: ReportQueryContext): Promise<ReportData> {
  const { from, to } = ctx.parameters as { from: string; to: string };
  const params: unknown[] = [from, to];
  const scope = ctx.scope.all ? 'TRUE' : `c.team_id = ANY($${params.push(ctx.scope.teams)})`;
  // A report is submitted after its shift started (shift start must be in the past), so
  // created_at >= from is always true of the period's reports; it lets the planner range-scan
  // core.case (plugin_id, created_at) or (team_id, created_at) instead of every report ever made.
  // Midnight UK time as an instant (`date AT TIME ZONE` alone is an hour out during BST).
  const start = `($1::date::timestamp AT TIME ZONE 'Europe/London')`;
  const end = `(($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
  const reports = `SELECT ar.case_id, ar.team_id, ar.shift_minutes, ar.staff_total
      FROM core.case c JOIN plugin_operational_activity.activity_report ar ON ar.case_id = c.id
     WHERE c.plugin_id = 'operational-activity' AND c.created_at >= ${start}
       AND ar.shift_start >= ${start} AND ar.shift_start < ${end}
       AND ${scope}`;

  const teams = (await ctx.manager.query(
    `WITH r AS (${reports}),
          a AS (SELECT m.case_id, sum(m.minutes) AS minutes
                    FROM r JOIN plugin_operational_activity.activity_minutes m ON m.case_id = r.case_id GROUP BY m.case_id)
       SELECT coalesce(t.label, r.team_id) AS team, count(*)::int AS reports,
              sum(r.staff_total::bigint * r.shift_minutes)::float8 AS "staffMinutes", coalesce(sum(a.minutes), 0)::float8 AS "activityMinutes"
         FROM r LEFT JOIN a ON a.case_id = r.case_id
         LEFT JOIN core.reference_row t ON t.set_id = 'teams' AND t.id = r.team_id
        GROUP BY 1 ORDER BY 1`,
    params,
  )) as { team: string; reports: number; staffMinutes: number; activityMinutes: number }[];

  const activityLabels = ctx.optionLabels('activity');
  const byActivity = (
    (await ctx.manager.query(
      `WITH r AS (${reports}),
            agg AS (SELECT m.activity, m.transport_mode, sum(m.minutes)::float8 AS minutes, count(DISTINCT m.case_id)::int AS reports
                      FROM r JOIN plugin_operational_activity.activity_minutes m ON m.case_id = r.case_id
                     GROUP BY m.activity, m.transport_mode)
       SELECT agg.activity, coalesce(tm.label, agg.transport_mode) AS mode, agg.minutes, agg.reports
         FROM agg LEFT JOIN core.reference_row tm ON tm.set_id = 'transport-modes' AND tm.id = agg.transport_mode`,
      params,
    )) as ActivityMode[]
  )
    .map((a) => ({ ...a, activity: activityLabels.get(a.activity) ?? a.activity }))
    .sort((a, b) => a.activity.localeCompare(b.activity) || b.minutes - a.minutes || a.mode.localeCompare(b.mode));

  const modeMinutes = new Map<string, number>();
  for (const a of byActivity) modeMinutes.set(a.mode, (modeMinutes.get(a.mode) ?? 0) + a.minutes);
  const byMode = [...modeMinutes]
    .sort(([ma, a], [mb, b]) => b - a || ma.localeCompare(mb))
    .map(([mode, minutes]) => ({ mode, hours: hours(minutes) }));

  return {
    data: {
      period: { from, to },
      totals: {
        reports: teams.reduce((n, t) => n + t.reports, 0),
        staffHours: hours(teams.reduce((n, t) => n + t.staffMinutes, 0)),
        activityHours: hours(teams.reduce((n, t) => n + t.activityMinutes, 0)),
        teams: teams.length,
      },
      byActivity: byActivity.map((a) => ({
        activity: a.activity,
        mode: a.mode,
        hours: hours(a.minutes),
        reports: a.reports,
      })),
      byMode,
      byTeam: teams.map((t) => ({
        team: t.team,
        reports: t.reports,
        staffHours: hours(t.staffMinutes),
        activityHours: hours(t.activityMinutes),
      })),
    },
  };
}

/** Minutes as hours, to two decimal places (the template shows one). */
function hours(minutes: number): number {
  return Math.round((Number(minutes) / 60) * 100) / 100;
}
