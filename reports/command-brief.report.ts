import type { Filter, Period, PluginReport, ReportData, ReportQueryContext } from '../core/src/sdk/index.js';

/**
 * The Command brief: OARs (operational-activity returns) and border events (event-at-border)
 * by week, location, branch and team, for the manager's command (or one team of it: the `team`
 * parameter narrows the data scope; `port` keeps one location), from the two workflows' read
 * models through `ctx.casesOf` (so within the caller's scope) and the organisation's reference
 * data. Border events are dated by when they happened; OARs by when they were submitted.
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
  const period = ctx.period!;
  const events = ctx.casesOf('event-at-border');
  const oars = ctx.casesOf('operational-activity');
  // Border events are dated by when they happened (their report time), OARs by when they were submitted.
  const eventQuery: { where: Filter; within: Period } = { where: port ? { port } : {}, within: period };
  const submitted = { gte: period.from.toISOString(), lt: period.to.toISOString() };
  const oarQuery: { where: Filter } = { where: { submittedAt: submitted, ...(port ? { location: port } : {}) } };

  const perWeek = tally((_key: string) => ({ oars: 0, borderEvents: 0 }));
  for (const row of await events.aggregate({ by: 'at.week', ...eventQuery }))
    perWeek(row.ids['at.week']!).borderEvents = row.count;
  for (const row of await oars.aggregate({ by: 'submittedAt.week', ...oarQuery }))
    perWeek(row.ids['submittedAt.week']!).oars = row.count;
  const byWeek = weeksBetween(from!, to!).map((weekStart) => ({ weekStart, ...perWeek(weekStart) }));

  // Per team: the team's branch is its parent in the organisation, its location the row's port.
  const organisation = ctx.reference('organisation');
  const ports = ctx.reference('ports');
  const team = tally((id: string | null) => {
    const row = id ? organisation.get(id) : undefined;
    const branch = row?.parent ? (organisation.get(row.parent)?.label ?? '') : '';
    const location = row?.attributes?.port ? (ports.get(String(row.attributes.port))?.label ?? '') : '';
    return { team: row?.label ?? id ?? 'No team', branch, location, oars: 0, borderEvents: 0 };
  });
  for (const row of await events.aggregate({ by: 'ownerTeam', ...eventQuery }))
    team(row.ids.ownerTeam!).borderEvents = row.count;
  for (const row of await oars.aggregate({ by: 'ownerTeam', ...oarQuery })) team(row.ids.ownerTeam!).oars = row.count;
  const byTeam = team.rows().sort((a, b) => compare(a.branch, b.branch) || compare(a.team, b.team));

  // Both kinds by location: an event's port, an OAR's location. The busiest twelve.
  const location = tally((_id: string | null, label?: unknown) => ({
    location: String(label ?? 'Not recorded'),
    oars: 0,
    borderEvents: 0,
  }));
  for (const row of await events.aggregate({ by: 'port', ...eventQuery }))
    location(row.ids.port!, row.port).borderEvents = row.count;
  for (const row of await oars.aggregate({ by: 'location', ...oarQuery }))
    location(row.ids.location!, row.location).oars = row.count;
  const byLocation = location
    .rows()
    .sort((a, b) => b.oars + b.borderEvents - (a.oars + a.borderEvents) || compare(a.location, b.location))
    .slice(0, 12);

  const branch = tally((name: string) => ({ branch: name, teams: 0, oars: 0, borderEvents: 0 }));
  for (const t of byTeam) {
    const row = branch(t.branch || 'No branch');
    row.teams++;
    row.oars += t.oars;
    row.borderEvents += t.borderEvents;
  }
  const byBranch = branch.rows();

  const includeEventLog = eventLog === 'yes';
  const log = events.rows({ columns: ['at', 'reference', 'port', 'ownerTeam', 'outcome'], ...eventQuery });
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
    rows: includeEventLog
      ? async function* () {
          for await (const e of log())
            yield {
              occurredAt: e.at,
              reference: e.reference,
              location: e.port ?? '',
              team: e.ownerTeam ?? '',
              outcome: e.outcome ?? '',
              oars: 0,
            };
        }
      : undefined,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

/**
 * Rows kept by key, each made on first use by `create` (given the key and what else the caller
 * passes the first time): `tally(create)(key)` is the key's row, `.rows()` all of them in the
 * order they were first used.
 */
function tally<K, A extends unknown[], R>(
  create: (key: K, ...rest: A) => R,
): ((key: K, ...rest: A) => R) & { rows(): R[] } {
  const rows = new Map<K, R>();
  const get = (key: K, ...rest: A): R => {
    if (!rows.has(key)) rows.set(key, create(key, ...rest));
    return rows.get(key)!;
  };
  return Object.assign(get, { rows: () => [...rows.values()] });
}
