import { monthBounds, ukMidnight, type ReportData, type ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlySafeguardingFields = [
  'period.from',
  'period.to',
  'totals.referrals',
  'totals.children',
  'totals.ageInDoubt',
  'totals.adults',
  'totals.childrensServices',
  'totals.nrm',
  'totals.dutyToNotify',
  'totals.police',
  'totals.supportOrganisation',
  'totals.open',
  'byPort.port',
  'byPort.referrals',
  'byPort.children',
  'byPort.adults',
  'byConcern.concern',
  'byConcern.referrals',
  'byConcern.children',
  'byIndicator.indicator',
  'byIndicator.referrals',
];

/**
 * The start form's "What action have you taken?" answers that are a referral to, or a report to,
 * an agency outside Border Force (moving the person to a safe place, medical help and telling the
 * port safeguarding lead are not), by the key the template reads them under.
 */
const AGENCIES = {
  childrensServices: 'childrens-services',
  nrm: 'nrm-referral',
  dutyToNotify: 'duty-to-notify',
  police: 'police',
  supportOrganisation: 'support-organisation',
} as const;
type Agency = keyof typeof AGENCIES;

type Counts = { referrals: number; children: number; ageInDoubt: number; open: number } & Record<Agency, number>;

interface GroupRow extends Counts {
  dimension: 'port' | 'concern';
  id: string;
  label: string | null;
}

/**
 * Safeguarding and modern slavery referrals in one calendar month (UK time, by when the officer
 * met the person, not when the referral was made) in the manager's command, or the team chosen:
 * key figures (children and adults, referrals to agencies, how many are still open), referrals by
 * port, by main concern and by what the officer noticed. Counts only: no name, reference, free
 * text or other personal detail is read.
 *
 * Everything but the case's current state is read from the plugin's typed rows: the month is an
 * index-only range scan on `plugin_safeguarding_referral.referral (encountered_at)` and the scope
 * is the row's `team_id`, which is the case's team (the start form's `team` answer owns the case:
 * `teamFrom`), all in one covering index (migration 1764212100000). Whether a referral is still
 * open is one primary-key look-up in `core.case` per referral of the month. Two aggregate queries:
 * ports and concerns in one pass (grouping sets), indicators in another; labels come from the
 * reference data and the form (`ctx.optionLabels`).
 */
export async function monthlySafeguarding(ctx: ReportQueryContext, closedStates: string[]): Promise<ReportData> {
  const { month } = ctx.parameters as { month: string };
  const { from, to, next } = monthBounds(month);
  const params: unknown[] = [from, next];
  const scope = ctx.scope.all ? '' : `AND r.team_id = ANY($${params.push(ctx.scope.teams)}::text[])`;
  const where = `r.encountered_at >= ${ukMidnight('$1')} AND r.encountered_at < ${ukMidnight('$2')} ${scope}`;

  const groupParams = [...params];
  const closed = `$${groupParams.push(closedStates)}::text[]`;
  const agencyCounts = (Object.keys(AGENCIES) as Agency[])
    .map((key) => {
      const value = `$${groupParams.push(AGENCIES[key])}::text`;
      return `count(*) FILTER (WHERE ${value} = ANY(m.actions_taken))::int AS "${key}"`;
    })
    .join(',\n              ');

  // The month's rows once, each with its case's current state (a scalar subquery: one primary-key
  // look-up per referral; an EXISTS could be planned as a hash of every case of every workflow),
  // then counted by port and by main concern in one pass.
  const groups = (await ctx.manager.query(
    `WITH m AS MATERIALIZED (
       SELECT r.port_id, r.category, r.treated_as_child, r.person_age, r.actions_taken,
              (SELECT c.state FROM core.case c WHERE c.id = r.case_id) <> ALL(${closed}) AS open
         FROM plugin_safeguarding_referral.referral r
        WHERE ${where}),
     agg AS (
       SELECT CASE WHEN GROUPING(m.port_id) = 0 THEN 'port' ELSE 'concern' END AS dimension,
              coalesce(m.port_id, m.category) AS id,
              count(*)::int AS referrals,
              count(*) FILTER (WHERE m.treated_as_child)::int AS children,
              count(*) FILTER (WHERE m.person_age = 'age-in-doubt')::int AS "ageInDoubt",
              count(*) FILTER (WHERE m.open)::int AS open,
              ${agencyCounts}
         FROM m
        GROUP BY GROUPING SETS ((m.port_id), (m.category)))
     SELECT agg.*, p.label
       FROM agg LEFT JOIN core.reference_row p ON agg.dimension = 'port' AND p.set_id = 'ports' AND p.id = agg.id`,
    groupParams,
  )) as GroupRow[];

  // Each referral counted once under each thing the officer noticed.
  const indicators = (await ctx.manager.query(
    `SELECT i.id, count(*)::int AS referrals
       FROM plugin_safeguarding_referral.referral r CROSS JOIN LATERAL (SELECT DISTINCT unnest(r.indicators)) i(id)
      WHERE ${where}
      GROUP BY i.id`,
    params,
  )) as { id: string; referrals: number }[];

  const labels = { category: ctx.optionLabels('category'), indicators: ctx.optionLabels('indicators') };
  const busiestFirst =
    <T extends { referrals: number }>(label: (row: T) => string) =>
    (a: T, b: T) =>
      b.referrals - a.referrals || label(a).localeCompare(label(b), 'en-GB');

  const ports = groups.filter((g) => g.dimension === 'port');
  const total = (key: keyof Counts) => ports.reduce((n, p) => n + p[key], 0);
  const totals = {
    referrals: total('referrals'),
    children: total('children'),
    ageInDoubt: total('ageInDoubt'),
    adults: total('referrals') - total('children'),
    ...(Object.fromEntries((Object.keys(AGENCIES) as Agency[]).map((key) => [key, total(key)])) as Record<
      Agency,
      number
    >),
    open: total('open'),
  };

  return {
    data: {
      period: { from, to },
      totals,
      byPort: ports
        .map((p) => ({
          port: p.label ?? p.id,
          referrals: p.referrals,
          children: p.children,
          adults: p.referrals - p.children,
        }))
        .sort(busiestFirst((p) => p.port)),
      byConcern: groups
        .filter((g) => g.dimension === 'concern')
        .map((g) => ({ concern: labels.category.get(g.id) ?? g.id, referrals: g.referrals, children: g.children }))
        .sort(busiestFirst((c) => c.concern)),
      byIndicator: indicators
        .map((i) => ({ indicator: labels.indicators.get(i.id) ?? i.id, referrals: i.referrals }))
        .sort(busiestFirst((i) => i.indicator)),
    },
  };
}
