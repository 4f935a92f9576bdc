import type { PluginReport, ReportData, ReportQueryContext } from '../core/src/sdk/index.js';

/**
 * The Command brief: OARs (operational-activity returns) and border events (event-at-border)
 * by week, location, branch and team, for the manager's command (or one team of it: the `team`
 * parameter narrows the data scope; `port` keeps one location). It reads only core tables
 * (cases, the term index, reference data), so it works whichever plugins are installed.
 * Border events are dated by their `event.dateTime` term; OARs by when they were submitted.
 */
const commandBrief: PluginReport = {
  id: 'command-brief',
  title: 'Command brief',
  description: 'OARs and border events by date, branch, location and team, for your command.',
  roles: ['manager'],
  schedule: '0 6 1 * *',
  parameters: [
    { name: 'from', label: 'From', type: 'date', required: true },
    { name: 'to', label: 'To', type: 'date', required: true },
    { name: 'command', label: 'Command', type: 'command', hint: 'Leave empty for your own command' },
    { name: 'port', label: 'Location', type: 'port', hint: 'Leave empty for every location' },
    { name: 'team', label: 'Team', type: 'team', hint: 'Leave empty for every team in the command' },
    {
      name: 'eventLog',
      label: 'Border event log',
      type: 'select',
      options: [
        { value: 'no', label: 'Not included' },
        { value: 'yes', label: 'Included' },
      ],
    },
  ],
  fields: [
    'period.from',
    'period.to',
    'totals.oars',
    'totals.borderEvents',
    'byWeek.weekStart',
    'byWeek.oars',
    'byWeek.borderEvents',
    'byLocation.location',
    'byLocation.oars',
    'byLocation.borderEvents',
    'byBranch.branch',
    'byBranch.teams',
    'byBranch.oars',
    'byBranch.borderEvents',
    'byTeam.team',
    'byTeam.branch',
    'byTeam.location',
    'byTeam.oars',
    'byTeam.borderEvents',
    'includeEventLog',
    'rows.occurredAt',
    'rows.reference',
    'rows.location',
    'rows.team',
    'rows.outcome',
    'rows.oars',
  ],
  query: commandBriefQuery,
};

export default commandBrief;

async function commandBriefQuery(ctx: ReportQueryContext): Promise<ReportData> {
  const { from, to, port, eventLog } = ctx.parameters;
  const params: unknown[] = [from, to];
  const scope = ctx.scope.all ? 'TRUE' : `c.team_id = ANY($${params.push(ctx.scope.teams)})`;
  const portFilter = (expr: string) => (port ? `${expr} = $${params.indexOf(port) + 1 || params.push(port)}` : 'TRUE');
  // Term values of date-times are normalised to ISO UTC instants, so the range is an index scan.
  const events = `SELECT c.id, c.business_key, c.team_id, t.normalised::timestamptz AS at, c.answers->>'port' AS port,
      c.answers->>'outcome' AS outcome
    FROM core.case_term t JOIN core.case c ON c.id = t.case_id
    WHERE t.term = 'event.dateTime'
      AND t.normalised >= to_char(($1::date::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      AND t.normalised < to_char((($2::date + 1)::timestamp AT TIME ZONE 'Europe/London') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      AND c.plugin_id = 'event-at-border' AND ${scope} AND ${portFilter(`c.answers->>'port'`)}`;
  const oars = `SELECT c.id, c.team_id, c.created_at AS at, c.answers->>'location' AS port FROM core.case c
    WHERE c.plugin_id = 'operational-activity' AND c.created_at >= ($1::date::timestamp AT TIME ZONE 'Europe/London')
      AND c.created_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London') AND ${scope} AND ${portFilter(`c.answers->>'location'`)}`;
  // One pass over the period's events and OARs gives both the weekly and the per-team figures.
  const counts = (await ctx.manager.query(
    `WITH ev AS (${events}), oar AS (${oars}),
          x AS (SELECT team_id, date_trunc('week', at AT TIME ZONE 'Europe/London')::date AS week, 1 AS ev, 0 AS oar FROM ev
                UNION ALL
                SELECT team_id, date_trunc('week', at AT TIME ZONE 'Europe/London')::date, 0, 1 FROM oar),
          agg AS (SELECT GROUPING(team_id) = 1 AS weekly, team_id, week, sum(oar)::int AS oars, sum(ev)::int AS events
                    FROM x GROUP BY GROUPING SETS ((team_id), (week)))
     SELECT agg.weekly, to_char(agg.week, 'YYYY-MM-DD') AS week, agg.oars, agg.events,
            coalesce(o.label, agg.team_id, 'No team') AS team, coalesce(b.label, '') AS branch, coalesce(p.label, '') AS location
       FROM agg
       LEFT JOIN core.reference_row o ON NOT agg.weekly AND o.set_id = 'organisation' AND o.id = agg.team_id
       LEFT JOIN core.reference_row b ON b.set_id = 'organisation' AND b.id = o.parent
       LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = o.attributes->>'port'
      ORDER BY branch, team`,
    params,
  )) as {
    weekly: boolean;
    week: string | null;
    oars: number;
    events: number;
    team: string;
    branch: string;
    location: string;
  }[];
  const perWeek = new Map(counts.filter((c) => c.weekly).map((c) => [c.week!, c]));
  const byWeek = weeksBetween(from!, to!).map((weekStart) => ({
    weekStart,
    oars: perWeek.get(weekStart)?.oars ?? 0,
    borderEvents: perWeek.get(weekStart)?.events ?? 0,
  }));
  const byTeam = counts
    .filter((c) => !c.weekly)
    .map(({ team, branch, location, oars, events }) => ({ team, branch, location, oars, borderEvents: events }));
  // Both kinds by location: an event's port, an OAR's location. The busiest twelve.
  const byLocation = (await ctx.manager.query(
    `WITH ev AS (${events}), oar AS (${oars}),
          x AS (SELECT port, 1 AS ev, 0 AS oar FROM ev UNION ALL SELECT port, 0, 1 FROM oar)
     SELECT coalesce(p.label, x.port, 'Not recorded') AS location, sum(x.oar)::int AS oars, sum(x.ev)::int AS "borderEvents"
       FROM x LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = x.port
      GROUP BY 1 ORDER BY sum(x.oar) + sum(x.ev) DESC, 1 LIMIT 12`,
    params,
  )) as { location: string; oars: number; borderEvents: number }[];
  const branches = new Map<string, typeof byTeam>();
  for (const team of byTeam)
    branches.set(team.branch || 'No branch', [...(branches.get(team.branch || 'No branch') ?? []), team]);
  const byBranch = [...branches].map(([branch, teams]) => ({
    branch,
    teams: teams.length,
    oars: sum(teams, 'oars'),
    borderEvents: sum(teams, 'borderEvents'),
  }));

  const includeEventLog = eventLog === 'yes';
  const logSql = `WITH ev AS (${events})
    SELECT ev.at AS "occurredAt", ev.business_key AS reference, coalesce(p.label, ev.port, '') AS location,
           coalesce(o.label, ev.team_id, '') AS team, coalesce(r.label, ev.outcome, '') AS outcome, 0 AS oars
      FROM ev
      LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = ev.port
      LEFT JOIN core.reference_row o ON o.set_id = 'organisation' AND o.id = ev.team_id
      LEFT JOIN core.reference_row r ON r.set_id = 'outcomes' AND r.id = ev.outcome
     ORDER BY ev.at, ev.business_key`;
  return {
    data: {
      period: { from, to },
      totals: { oars: sum(byTeam, 'oars'), borderEvents: sum(byTeam, 'borderEvents') },
      byWeek,
      byLocation,
      byBranch,
      byTeam,
      includeEventLog,
    },
    rows: includeEventLog ? () => ctx.stream(logSql, params) : undefined,
  };
}

/** Mondays (UK weeks) from the week holding `from` to the week holding `to`, as yyyy-mm-dd. */
function weeksBetween(from: string, to: string): string[] {
  const day = new Date(`${from}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  const weeks: string[] = [];
  for (const end = new Date(`${to}T00:00:00Z`); day <= end; day.setUTCDate(day.getUTCDate() + 7))
    weeks.push(day.toISOString().slice(0, 10));
  return weeks;
}

function sum<T>(rows: T[], key: keyof T): number {
  return rows.reduce((total, row) => total + Number(row[key]), 0);
}
