import { monthBounds, ukMidnight, type ReportData, type ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlyRefusalsFields = [
  'period.from',
  'period.to',
  'totals.cases',
  'totals.refused',
  'totals.leaveGranted',
  'totals.bail',
  'totals.asylum',
  'totals.withdrew',
  'totals.detained',
  'byPort.port',
  'byPort.cases',
  'byPort.refused',
  'byPort.leaveGranted',
  'byPort.bail',
  'byPort.other',
  'byNationality.nationality',
  'byNationality.cases',
  'byNationality.refused',
  'nationalityLimit',
  'otherNationalities.nationalities',
  'otherNationalities.cases',
  'otherNationalities.refused',
  'byRiskFactor.factor',
  'byRiskFactor.cases',
  'byRiskFactor.refused',
];

/** Nationalities listed one by one; the rest are added up on one row. */
export const NATIONALITY_LIMIT = 15;

/** Detention powers on the IS81 record (paragraph 16 of Schedule 2 to the Immigration Act 1971). */
const DETENTION_POWERS = ['detention-pending-examination', 'detention-pending-removal'];

interface Counts {
  cases: number;
  refused: number;
  leaveGranted: number;
  bail: number;
  asylum: number;
  withdrew: number;
  detained: number;
}

interface GroupRow extends Counts {
  dimension: 'port' | 'nationality';
  label: string;
}

/**
 * Passengers held for further examination (IS81) whose decision was made in one calendar month
 * (UK time) in the manager's command, or the team chosen: outcomes, and counts by port, by
 * nationality (the 15 with most refusals, then the rest on one row) and by the reasons the
 * passenger was held. The form records the grounds for refusal only as free text (the wording of
 * notice IS82), so the risk factors are the structured reasons there are to count.
 *
 * Everything is read from the plugin's typed rows: the month is an index range scan on
 * `plugin_refusal_of_entry.examination (decision_at)`, the scope is the row's `team_id` (the
 * case's team), all in one covering index (migration 1764211100000). Two aggregate queries: ports
 * and nationalities in one pass (grouping sets), risk factors in another; labels are joined from
 * the reference data and the form (`ctx.optionLabels`).
 */
export async function monthlyRefusals(ctx: ReportQueryContext): Promise<ReportData> {
  const { month } = ctx.parameters as { month: string };
  const { from, to, next } = monthBounds(month);
  const params: unknown[] = [from, next];
  const scope = ctx.scope.all ? '' : `AND e.team_id = ANY($${params.push(ctx.scope.teams)})`;
  const where = `e.decision_at >= ${ukMidnight('$1')} AND e.decision_at < ${ukMidnight('$2')} ${scope}`;
  const detentionPowers = `$${params.length + 1}`;

  const groups = (await ctx.manager.query(
    `WITH agg AS (
       SELECT CASE WHEN GROUPING(e.port_id) = 0 THEN 'port' ELSE 'nationality' END AS dimension,
              coalesce(e.port_id, e.nationality_id) AS id,
              count(*)::int AS cases,
              count(*) FILTER (WHERE e.refused)::int AS refused,
              count(*) FILTER (WHERE e.outcome = 'leave-granted')::int AS "leaveGranted",
              count(*) FILTER (WHERE e.outcome = 'immigration-bail')::int AS bail,
              count(*) FILTER (WHERE e.outcome = 'asylum-claim')::int AS asylum,
              count(*) FILTER (WHERE e.outcome = 'withdrew')::int AS withdrew,
              count(*) FILTER (WHERE e.power_used = ANY(${detentionPowers}) OR e.outcome = 'refused-detained')::int AS detained
         FROM plugin_refusal_of_entry.examination e
        WHERE ${where}
        GROUP BY GROUPING SETS ((e.port_id), (e.nationality_id)))
     SELECT agg.*, coalesce(r.label, agg.id) AS label
       FROM agg LEFT JOIN core.reference_row r
         ON r.set_id = CASE agg.dimension WHEN 'port' THEN 'ports' ELSE 'countries' END AND r.id = agg.id`,
    [...params, DETENTION_POWERS],
  )) as GroupRow[];

  const factors = (await ctx.manager.query(
    `SELECT f.factor, count(*)::int AS cases, count(*) FILTER (WHERE e.refused)::int AS refused
       FROM plugin_refusal_of_entry.examination e CROSS JOIN LATERAL unnest(e.risk_factors) AS f(factor)
      WHERE ${where}
      GROUP BY f.factor`,
    params,
  )) as { factor: string; cases: number; refused: number }[];
  const factorLabels = ctx.optionLabels('riskFactors');

  const ports = groups.filter((g) => g.dimension === 'port');
  const total = (key: keyof Counts) => ports.reduce((n, p) => n + p[key], 0);
  const byRefusals = <T extends { refused: number; cases: number }>(label: (row: T) => string) => {
    return (a: T, b: T) => b.refused - a.refused || b.cases - a.cases || label(a).localeCompare(label(b), 'en-GB');
  };

  const nationalities = groups
    .filter((g) => g.dimension === 'nationality')
    .sort(byRefusals((g) => g.label))
    .map((g) => ({ nationality: g.label, cases: g.cases, refused: g.refused }));
  const rest = nationalities.slice(NATIONALITY_LIMIT);

  return {
    data: {
      period: { from, to },
      totals: {
        cases: total('cases'),
        refused: total('refused'),
        leaveGranted: total('leaveGranted'),
        bail: total('bail'),
        asylum: total('asylum'),
        withdrew: total('withdrew'),
        detained: total('detained'),
      },
      byPort: ports
        .sort((a, b) => b.cases - a.cases || b.refused - a.refused || a.label.localeCompare(b.label, 'en-GB'))
        .map((p) => ({
          port: p.label,
          cases: p.cases,
          refused: p.refused,
          leaveGranted: p.leaveGranted,
          bail: p.bail,
          other: p.cases - p.refused - p.leaveGranted - p.bail,
        })),
      byNationality: nationalities.slice(0, NATIONALITY_LIMIT),
      nationalityLimit: NATIONALITY_LIMIT,
      otherNationalities:
        rest.length > 0
          ? {
              nationalities: rest.length,
              cases: rest.reduce((n, r) => n + r.cases, 0),
              refused: rest.reduce((n, r) => n + r.refused, 0),
            }
          : null,
      byRiskFactor: factors
        .map((f) => ({ factor: factorLabels.get(f.factor) ?? f.factor, cases: f.cases, refused: f.refused }))
        .sort(byRefusals((f) => f.factor)),
    },
  };
}
