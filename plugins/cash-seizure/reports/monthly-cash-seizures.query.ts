import { monthBounds, ukMidnight, type ReportData, type ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlyCashSeizuresFields = [
  'period.from',
  'period.to',
  'totals.events',
  'totals.seized',
  'totals.returned',
  'totals.foundSterling',
  'totals.seizedSterling',
  'totals.returnedSterling',
  'byPort.port',
  'byPort.events',
  'byPort.seized',
  'byPort.returned',
  'byPort.seizedSterling',
  'byCurrency.currency',
  'byCurrency.seizures',
  'byCurrency.amount',
  'byCurrency.sterling',
];

interface PortRow {
  port: string;
  events: number;
  seized: number;
  returned: number;
  foundSterling: string;
  seizedSterling: string;
  returnedSterling: string;
}

interface CurrencyRow {
  label: string;
  other: string | null;
  code: string | null;
  seizures: number;
  amount: string;
  sterling: string;
}

/**
 * Cash found at the border in one calendar month (UK time, by when the cash was found) in the
 * manager's command, or the team chosen: detections, seized and returned, by port, and the cash
 * seized by currency with its sterling equivalent.
 *
 * Everything comes from the plugin's typed rows. The month is an index range scan on
 * `plugin_cash_seizure.seizure (detected_at)` and the scope is the row's `team_id` (the case's
 * team: the plugin takes it from the form's `team` answer), both in one covering index (migration
 * 1764213100000). Only seized rows are joined, by case, to their amounts by currency. Counts and sums are
 * aggregated in SQL, so a few dozen rows come back however busy the month was.
 */
export async function monthlyCashSeizures(ctx: ReportQueryContext): Promise<ReportData> {
  const { month } = ctx.parameters as { month: string };
  const { from, to, next } = monthBounds(month);
  const params: unknown[] = [from, next];
  const scope = ctx.scope.all ? '' : `AND s.team_id = ANY($${params.push(ctx.scope.teams)})`;
  const detections = `SELECT s.case_id, s.port_id, s.detention_decision, s.total_sterling
      FROM plugin_cash_seizure.seizure s
     WHERE s.detected_at >= ${ukMidnight('$1')} AND s.detected_at < ${ukMidnight('$2')} ${scope}`;

  const ports = (await ctx.manager.query(
    `WITH s AS (${detections}),
          agg AS (
            SELECT s.port_id,
                   count(*)::int AS events,
                   count(*) FILTER (WHERE s.detention_decision = 'detained')::int AS seized,
                   count(*) FILTER (WHERE s.detention_decision = 'returned')::int AS returned,
                   sum(s.total_sterling)::text AS "foundSterling",
                   coalesce(sum(s.total_sterling) FILTER (WHERE s.detention_decision = 'detained'), 0)::text AS "seizedSterling",
                   coalesce(sum(s.total_sterling) FILTER (WHERE s.detention_decision = 'returned'), 0)::text AS "returnedSterling"
              FROM s
             GROUP BY s.port_id)
     SELECT coalesce(p.label, agg.port_id) AS port, agg.events, agg.seized, agg.returned, agg."foundSterling",
            agg."seizedSterling", agg."returnedSterling"
       FROM agg LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = agg.port_id`,
    params,
  )) as PortRow[];

  // Seized cash by currency. "Other currency" lines are grouped by the currency the officer named.
  const currencies = (await ctx.manager.query(
    `WITH s AS (${detections} AND s.detention_decision = 'detained'),
          agg AS (
            SELECT a.currency_item_id, lower(btrim(a.other_currency)) AS other_key, min(btrim(a.other_currency)) AS other,
                   count(DISTINCT a.case_id)::int AS seizures, sum(a.amount)::text AS amount, sum(a.sterling_value)::text AS sterling
              FROM s JOIN plugin_cash_seizure.seizure_amount a ON a.case_id = s.case_id
             GROUP BY a.currency_item_id, lower(btrim(a.other_currency)))
     SELECT coalesce(i.label, agg.currency_item_id) AS label, agg.other,
            coalesce(i.attributes->>'currency', i.attributes->>'defaultUnit') AS code,
            agg.seizures, agg.amount, agg.sterling
       FROM agg LEFT JOIN core.reference_row i ON i.set_id = 'items' AND i.id = agg.currency_item_id`,
    params,
  )) as CurrencyRow[];

  const byPort = ports
    .map((p) => ({
      port: p.port,
      events: p.events,
      seized: p.seized,
      returned: p.returned,
      seizedSterling: pounds(p.seizedSterling),
    }))
    .sort((a, b) => b.events - a.events || a.port.localeCompare(b.port));
  const byCurrency = currencies
    .map((c) => ({
      currency: c.other ? `${c.other} (other currency)` : c.label,
      seizures: c.seizures,
      amount: `${amountText(c.amount)} ${c.other ?? c.code ?? ''}`.trim(),
      sterling: pounds(c.sterling),
    }))
    .sort((a, b) => b.sterling - a.sterling || a.currency.localeCompare(b.currency));
  const total = (key: 'events' | 'seized' | 'returned') => ports.reduce((n, p) => n + p[key], 0);
  const totalPounds = (key: 'foundSterling' | 'seizedSterling' | 'returnedSterling') =>
    ports.reduce((pence, p) => pence + Math.round(Number(p[key]) * 100), 0) / 100;

  return {
    data: {
      period: { month, from, to },
      totals: {
        events: total('events'),
        seized: total('seized'),
        returned: total('returned'),
        foundSterling: totalPounds('foundSterling'),
        seizedSterling: totalPounds('seizedSterling'),
        returnedSterling: totalPounds('returnedSterling'),
      },
      byPort,
      byCurrency,
    },
  };
}

/** A numeric sum from PostgreSQL (text) as pounds, to the penny. */
function pounds(value: string | null): number {
  return Math.round(Number(value ?? 0) * 100) / 100;
}

/** An amount of cash in its own currency, grouped: `15000` → "15,000.00", `0.125` → "0.125". */
function amountText(value: string): string {
  return Number(value).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 3 });
}
