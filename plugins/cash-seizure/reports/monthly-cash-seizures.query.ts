import type { ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

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

const DETAINED = { detentionDecision: 'detained' };
const RETURNED = { detentionDecision: 'returned' };

/** Sterling sums are of `totalSterling`, the form's total rounded to the penny, summed exactly in numeric. */
const MEASURES = {
  events: { count: true },
  seized: { count: DETAINED },
  returned: { count: RETURNED },
  foundSterling: { sum: 'totalSterling' },
  seizedSterling: { sum: 'totalSterling', where: DETAINED },
  returnedSterling: { sum: 'totalSterling', where: RETURNED },
} as const;

interface CurrencyRow {
  label: string;
  other: string | null;
  code: string | null;
  seizures: number;
  amount: string;
  sterling: string;
}

/**
 * Seized cash by currency, over the plugin's surface views because the SDK cannot express two
 * things here: grouping "other currency" lines by the currency the officer typed, whatever its
 * case or spaces ("Turkish lira" and "turkish lira " are one currency, one seizure each), and a
 * reference row's attributes (the currency code printed after the amount). The views hold only
 * the report's scope; the month is the case's `at` (when the cash was found).
 */
const BY_CURRENCY = `
  WITH agg AS (
    SELECT a.currency, lower(btrim(a.other_currency)) AS other_key, min(btrim(a.other_currency)) AS other,
           count(DISTINCT a.case_id)::int AS seizures, sum(a.amount)::text AS amount,
           round(sum(a.sterling_value), 2)::text AS sterling
      FROM plugin_cash_seizure.amounts_v1 a
      JOIN plugin_cash_seizure.case_v1 c ON c.case_id = a.case_id
     WHERE c.at >= $1 AND c.at < $2 AND c.detention_decision = 'detained'
     GROUP BY a.currency, lower(btrim(a.other_currency)))
  SELECT coalesce(r.label, agg.currency) AS label, agg.other,
         coalesce(r.attributes->>'currency', r.attributes->>'defaultUnit') AS code,
         agg.seizures, agg.amount, agg.sterling
    FROM agg LEFT JOIN plugin_cash_seizure.reference_v1 r ON r.set_id = 'items' AND r.id = agg.currency`;

/**
 * Cash found at the border in one calendar month (UK time, by when the cash was found) in the
 * manager's command, or the team chosen: detections, seized and returned, by port, and the cash
 * seized by currency with its sterling equivalent. A case counts as it stands now: a seizure
 * whose detention the court continued is still seized in the month it was found.
 */
export async function monthlyCashSeizures({ cases, period, manager }: ReportQueryContext): Promise<ReportData> {
  const within = period!;
  const [totals] = await cases.aggregate({ measures: MEASURES, within });
  const byPort = await cases.aggregate({ by: 'port', measures: MEASURES, within });
  const currencies = (await manager.query(BY_CURRENCY, [within.from, within.to])) as CurrencyRow[];
  const byCurrency = currencies
    .map((c) => ({
      currency: c.other ? `${c.other} (other currency)` : c.label,
      seizures: c.seizures,
      amount: `${amountText(c.amount)} ${c.other ?? c.code ?? ''}`.trim(),
      sterling: Number(c.sterling),
    }))
    .sort((a, b) => b.sterling - a.sterling || a.currency.localeCompare(b.currency));
  return { data: { period: { from: within.fromDate, to: within.toDate }, totals, byPort, byCurrency } };
}

/** An amount of cash in its own currency, grouped: `15000` → "15,000.00", `0.125` → "0.125". */
function amountText(value: string): string {
  return Number(value).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 3 });
}
