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

/**
 * Hours recorded on end-of-shift reports whose shift started in the period (UK dates,
 * inclusive) in the manager's command, or the command or team chosen, by the team each report
 * is for. Staff hours are staff on shift × shift length; activity hours are the minutes
 * allocated to each activity (they add up to the shift length on every report).
 */
export async function hoursByActivity({ cases, period }: ReportQueryContext): Promise<ReportData> {
  const within = period!;
  const reports = await cases.aggregate({ by: 'team', measures: { reports: { count: true } }, within });
  // Staff minutes are the sum of staff × shift length: the staff summed by team and shift length
  // make that product exact per group (shift lengths are few), so no report is read back one by one.
  const staff = await cases
    .items('staffByGrade')
    .aggregate({ by: ['team', 'shiftMinutes'], measures: { staff: { sum: 'count' } }, within });
  const activities = cases.items('activities');
  const teamActivity = await activities.aggregate({ by: 'team', measures: { minutes: { sum: 'minutes' } }, within });
  const byActivity = (
    await activities.aggregate({
      by: ['activity', 'mode'],
      measures: { minutes: { sum: 'minutes' }, reports: { cases: true } },
      within,
    })
  )
    .map((a) => ({ activity: String(a.activity), mode: String(a.mode), minutes: a.minutes, reports: a.reports }))
    .sort((a, b) => a.activity.localeCompare(b.activity) || b.minutes - a.minutes || a.mode.localeCompare(b.mode));

  const byTeam = reports
    .map((r) => ({
      team: String(r.team),
      reports: r.reports,
      staffMinutes: staff
        .filter((s) => s.ids.team === r.ids.team)
        .reduce((n, s) => n + s.staff * Number(s.ids.shiftMinutes), 0),
      activityMinutes: teamActivity.find((a) => a.ids.team === r.ids.team)?.minutes ?? 0,
    }))
    .sort((a, b) => a.team.localeCompare(b.team));

  const modeMinutes = new Map<string, number>();
  for (const a of byActivity) modeMinutes.set(a.mode, (modeMinutes.get(a.mode) ?? 0) + a.minutes);
  const byMode = [...modeMinutes]
    .sort(([ma, a], [mb, b]) => b - a || ma.localeCompare(mb))
    .map(([mode, minutes]) => ({ mode, hours: hours(minutes) }));
  const sum = (key: 'reports' | 'staffMinutes' | 'activityMinutes') => byTeam.reduce((n, t) => n + t[key], 0);

  return {
    data: {
      period: { from: within.fromDate, to: within.toDate },
      totals: {
        reports: sum('reports'),
        staffHours: hours(sum('staffMinutes')),
        activityHours: hours(sum('activityMinutes')),
        teams: byTeam.length,
      },
      byActivity: byActivity.map((a) => ({
        activity: a.activity,
        mode: a.mode,
        hours: hours(a.minutes),
        reports: a.reports,
      })),
      byMode,
      byTeam: byTeam.map((t) => ({
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
  return Math.round((minutes / 60) * 100) / 100;
}
