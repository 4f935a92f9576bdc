import type { ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const debriefsByCategoryFields = [
  'period.from',
  'period.to',
  'totals.debriefs',
  'totals.actionNeeded',
  'byCategory.category',
  'byCategory.debriefs',
  'byCategory.actionNeeded',
  'byPort.port',
  'byPort.debriefs',
  'rows.occurredAt',
  'rows.reference',
  'rows.category',
  'rows.port',
  'rows.team',
  'rows.actionNeeded',
];

/**
 * Hot debriefs that happened between `from` and `to` (UK dates, inclusive) in the manager's
 * teams. Category labels come from the form (`ctx.optionLabels`), so they are declared once.
 */
export async function debriefsByCategory(ctx: ReportQueryContext): Promise<ReportData> {
  const { from, to } = ctx.parameters as { from: string; to: string };
  const params: unknown[] = [from, to];
  const scope = ctx.scope.all ? 'TRUE' : `c.team_id = ANY($${params.push(ctx.scope.teams)})`;
  const where = `d.occurred_at >= ($1::date::timestamp AT TIME ZONE 'Europe/London')
    AND d.occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London') AND ${scope}`;
  const labels = ctx.optionLabels('category');
  const byCategory = (await ctx.manager.query(
    `SELECT d.category, count(*)::int AS debriefs, count(*) FILTER (WHERE (c.answers->>'actionNeeded')::boolean)::int AS "actionNeeded"
       FROM plugin_hot_debrief.debrief d JOIN core.case c ON c.id = d.case_id
      WHERE ${where} GROUP BY d.category ORDER BY debriefs DESC, d.category`,
    params,
  )) as { category: string; debriefs: number; actionNeeded: number }[];
  const byPort = (await ctx.manager.query(
    `SELECT coalesce(p.label, d.port_id) AS port, count(*)::int AS debriefs
       FROM plugin_hot_debrief.debrief d JOIN core.case c ON c.id = d.case_id LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = d.port_id
      WHERE ${where} GROUP BY 1 ORDER BY debriefs DESC, 1`,
    params,
  )) as { port: string; debriefs: number }[];
  const rowsSql = `SELECT d.occurred_at AS "occurredAt", c.business_key AS reference, d.category,
      coalesce(p.label, d.port_id) AS port, coalesce(t.label, d.team_id) AS team,
      CASE WHEN (c.answers->>'actionNeeded')::boolean THEN 'Yes' ELSE 'No' END AS "actionNeeded"
    FROM plugin_hot_debrief.debrief d JOIN core.case c ON c.id = d.case_id
    LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = d.port_id
    LEFT JOIN core.reference_row t ON t.set_id = 'teams' AND t.id = d.team_id
    WHERE ${where} ORDER BY d.occurred_at, c.business_key`;
  return {
    data: {
      period: { from, to },
      totals: { debriefs: sum(byCategory, 'debriefs'), actionNeeded: sum(byCategory, 'actionNeeded') },
      byCategory: byCategory.map((c) => ({ ...c, category: labels.get(c.category) ?? c.category })),
      byPort,
    },
    rows: async function* () {
      for await (const row of ctx.stream(rowsSql, params))
        yield { ...row, category: labels.get(String(row.category)) ?? row.category };
    },
  };
}

function sum<T>(rows: T[], key: keyof T): number {
  return rows.reduce((total, row) => total + Number(row[key]), 0);
}
