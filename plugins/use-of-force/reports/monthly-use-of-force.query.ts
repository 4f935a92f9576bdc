import { monthBounds, ukMidnight, type ReportData, type ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlyUseOfForceFields = [
  'period.from',
  'period.to',
  'totals.reports',
  'totals.subjectInjured',
  'totals.officerInjured',
  'totals.medicalAssistance',
  'totals.bodyWornVideo',
  'byPort.port',
  'byPort.reports',
  'byPort.subjectInjured',
  'byPort.officerInjured',
  'techniques.technique',
  'techniques.reports',
  'reasons.reason',
  'reasons.reports',
];

/** Medical assistance answers that count as assistance given (not "none needed" or "offered and declined"). */
const MEDICAL_ASSISTANCE_GIVEN = ['first-aid', 'paramedic', 'hospital'];

interface PortRow {
  port: string;
  reports: number;
  subjectInjured: number;
  officerInjured: number;
  medicalAssistance: number;
  bodyWornVideo: number;
}

/**
 * Uses of force in one calendar month (UK time, by when force was used, not when the report
 * was made) in the manager's command, or the team chosen: key figures, reports and injuries by
 * port, and how many reports recorded each restraint technique and each reason (a report can
 * record several of each).
 *
 * Everything is read from the plugin's typed rows: the month is an index-only range scan on
 * `plugin_use_of_force.use_of_force (occurred_at)`, and the scope is the row's `case_team_id`
 * (the team that owns the case, copied when the row is written), both in one covering index
 * (migration 1764214000000). Two aggregate queries (plus the reasons' labels from the stored
 * form); a few dozen rows come back however busy the month was.
 */
export async function monthlyUseOfForce(ctx: ReportQueryContext): Promise<ReportData> {
  const { month } = ctx.parameters as { month: string };
  const { from, to, next } = monthBounds(month);
  const params: unknown[] = [from, next];
  const scope = ctx.scope.all ? '' : `AND u.case_team_id = ANY($${params.push(ctx.scope.teams)})`;
  const inMonth = `SELECT u.port_id, u.subject_injured, u.officer_injured, u.medical_assistance, u.body_worn_video,
                         u.techniques, u.reasons
      FROM plugin_use_of_force.use_of_force u
     WHERE u.occurred_at >= ${ukMidnight('$1')} AND u.occurred_at < ${ukMidnight('$2')} ${scope}`;
  // The by-port query alone also takes the medical assistance answers that count as given.
  const portParams = [...params, MEDICAL_ASSISTANCE_GIVEN];
  const given = `$${portParams.length}`;

  const byPort = (await ctx.manager.query(
    `WITH uof AS (${inMonth}),
          agg AS (SELECT port_id, count(*)::int AS reports,
                         count(*) FILTER (WHERE subject_injured)::int AS "subjectInjured",
                         count(*) FILTER (WHERE officer_injured)::int AS "officerInjured",
                         count(*) FILTER (WHERE medical_assistance = ANY(${given}::text[]))::int AS "medicalAssistance",
                         count(*) FILTER (WHERE body_worn_video)::int AS "bodyWornVideo"
                    FROM uof GROUP BY port_id)
     SELECT coalesce(p.label, agg.port_id) AS port, agg.reports, agg."subjectInjured", agg."officerInjured",
            agg."medicalAssistance", agg."bodyWornVideo"
       FROM agg LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = agg.port_id
      ORDER BY agg.reports DESC, port`,
    portParams,
  )) as PortRow[];

  // Each report counted once per technique and once per reason it recorded.
  const used = (await ctx.manager.query(
    `WITH uof AS (${inMonth}),
          agg AS (SELECT 'technique' AS kind, t.id, count(*)::int AS reports
                    FROM uof CROSS JOIN LATERAL (SELECT DISTINCT unnest(uof.techniques)) t(id) GROUP BY t.id
                  UNION ALL
                  SELECT 'reason', r.id, count(*)::int
                    FROM uof CROSS JOIN LATERAL (SELECT DISTINCT unnest(uof.reasons)) r(id) GROUP BY r.id)
     SELECT agg.kind, agg.id, tl.label, agg.reports
       FROM agg LEFT JOIN core.reference_row tl
         ON agg.kind = 'technique' AND tl.set_id = 'restraint-techniques' AND tl.id = agg.id`,
    params,
  )) as { kind: 'technique' | 'reason'; id: string; label: string | null; reports: number }[];

  const reasonLabels = ctx.optionLabels('reasons');
  const busiestFirst =
    <T extends { reports: number }>(label: (row: T) => string) =>
    (a: T, b: T) =>
      b.reports - a.reports || label(a).localeCompare(label(b));
  const techniques = used
    .filter((u) => u.kind === 'technique')
    .map((u) => ({ technique: u.label ?? u.id, reports: u.reports }))
    .sort(busiestFirst((t) => t.technique));
  const reasons = used
    .filter((u) => u.kind === 'reason')
    .map((u) => ({ reason: reasonLabels.get(u.id) ?? u.id, reports: u.reports }))
    .sort(busiestFirst((r) => r.reason));

  const total = (key: keyof Omit<PortRow, 'port'>) => byPort.reduce((n, p) => n + p[key], 0);
  return {
    data: {
      period: { from, to },
      totals: {
        reports: total('reports'),
        subjectInjured: total('subjectInjured'),
        officerInjured: total('officerInjured'),
        medicalAssistance: total('medicalAssistance'),
        bodyWornVideo: total('bodyWornVideo'),
      },
      byPort: byPort.map((p) => ({
        port: p.port,
        reports: p.reports,
        subjectInjured: p.subjectInjured,
        officerInjured: p.officerInjured,
      })),
      techniques,
      reasons,
    },
  };
}
