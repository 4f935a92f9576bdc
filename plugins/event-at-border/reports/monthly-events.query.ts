import type { ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlyEventsFields = [
  'period.month',
  'period.from',
  'period.to',
  'totals.events',
  'totals.seizures',
  'totals.noShows',
  'totals.negatives',
  'outcomes.label',
  'byPort.port',
  'byPort.events',
  'byPort.outcomes.events',
  'chart.outcome',
  'chart.points.port',
  'chart.points.events',
  'items.item',
  'items.quantity',
  'items.seizures',
  'listEvents',
  'listLimit',
  'rows.at',
  'rows.reference',
  'rows.port',
  'rows.outcome',
  'rows.itemsCount',
];

/** Outcomes shown first, in this order; any other outcome follows by label. */
const OUTCOME_ORDER = ['seizure', 'negative', 'no-show'];
const CHART_PORTS = 8;
/** Events listed one by one up to this many (about 760 pages); above it only the summary is printed. */
export const LIST_LIMIT = 20_000;

interface ReferenceRow {
  set_id: string;
  id: string;
  label: string;
  symbol: string | null;
  kind: string | null;
}

/**
 * Events at the border in one calendar month (UK time) in the manager's command, or the team
 * chosen: counts by port and outcome, items seized, and every event streamed from a cursor when
 * there are at most `LIST_LIMIT` of them (a team's month; a whole command's month is tens of
 * thousands of pages, so the summary then says how to get the list instead).
 *
 * Everything is counted by the report SDK over the read model (a few dozen rows come back however
 * busy the month was). Only the reference data it cannot give is read with SQL, from the plugin's
 * surface view: every outcome an event may have (the table has a column for each, events or not)
 * and each unit's symbol and kind, to write "12.5 kg" or "5,000 GBP".
 */
export async function monthlyEvents({ cases, period, manager }: ReportQueryContext): Promise<ReportData> {
  const within = period!;
  const counts = await cases.aggregate({ by: ['port', 'outcome'], measures: { events: { count: true } }, within });
  const items = await cases.items('items').aggregate({
    by: ['item', 'unit'],
    measures: { quantity: { sum: 'quantity' }, seizures: { cases: true } },
    where: { outcome: 'seizure' },
    within,
  });
  // By item, then unit, as the officer reads down the list (the SDK sorts by the first measure).
  items.sort(
    (a, b) => String(a.item).localeCompare(String(b.item)) || String(a.ids.unit).localeCompare(String(b.ids.unit)),
  );
  const reference = (await manager.query(
    `SELECT set_id, id, label, attributes->>'symbol' AS symbol, attributes->>'kind' AS kind
       FROM plugin_event_at_border.reference_v1
      WHERE (set_id = 'outcomes' AND 'event-at-border' = ANY(flags)) OR (set_id = 'units' AND id = ANY($1))`,
    [items.map((i) => i.ids.unit)],
  )) as ReferenceRow[];
  const units = new Map(reference.filter((r) => r.set_id === 'units').map((r) => [r.id, r]));

  const outcomeLabels = new Map(reference.filter((r) => r.set_id === 'outcomes').map((r) => [r.id, r.label]));
  for (const c of counts) outcomeLabels.set(String(c.ids.outcome), String(c.outcome));
  const label = (id: string) => outcomeLabels.get(id) ?? id;
  const outcomeIds = [...outcomeLabels.keys()].sort((a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)));

  const cells = new Map<string, number>();
  const key = (port: string, outcome: string) => `${port}\u0000${outcome}`;
  for (const c of counts) cells.set(key(String(c.port), String(c.ids.outcome)), c.events);
  const cell = (port: string, outcome: string) => cells.get(key(port, outcome)) ?? 0;
  const byPort = [...new Set(counts.map((c) => String(c.port)))]
    .map((port) => ({
      port,
      events: outcomeIds.reduce((n, o) => n + cell(port, o), 0),
      outcomes: outcomeIds.map((o) => ({ events: cell(port, o) })),
    }))
    .sort((a, b) => b.events - a.events || a.port.localeCompare(b.port));
  // The chart shows the busiest ports only, so its bars stay readable; the table has them all.
  const charted = byPort.slice(0, CHART_PORTS);
  const byOutcome = (outcome: string) =>
    counts.filter((c) => c.ids.outcome === outcome).reduce((n, c) => n + c.events, 0);

  const total = byPort.reduce((n, p) => n + p.events, 0);
  const listEvents = total <= LIST_LIMIT;
  return {
    data: {
      period: { month: within.month, from: within.fromDate, to: within.toDate },
      listEvents,
      listLimit: LIST_LIMIT,
      totals: {
        events: total,
        seizures: byOutcome('seizure'),
        noShows: byOutcome('no-show'),
        negatives: byOutcome('negative'),
      },
      outcomes: outcomeIds.map((id) => ({ label: label(id) })),
      byPort,
      chart: outcomeIds.map((id) => ({
        outcome: label(id),
        points: charted.map((p) => ({ port: p.port, events: cell(p.port, id) })),
      })),
      items: items.map((i) => ({
        item: i.item,
        quantity: withUnit(i.quantity, String(i.ids.unit), String(i.unit), units.get(String(i.ids.unit))),
        seizures: i.seizures,
      })),
    },
    rows: listEvents
      ? cases.rows({ columns: ['at', 'reference', 'port', 'outcome'], countItems: ['items'], within })
      : undefined,
  };
}

function rank(outcome: string): number {
  const i = OUTCOME_ORDER.indexOf(outcome);
  return i === -1 ? OUTCOME_ORDER.length : i;
}

/** `12.5` kg → "12.5 kg"; 40000 sticks → "40,000 sticks"; 5000 GBP → "5,000 GBP". */
function withUnit(quantity: number, unitId: string, unitLabel: string, unit: ReferenceRow | undefined): string {
  const n = quantity.toLocaleString('en-GB', { maximumFractionDigits: 3 });
  if (unit?.kind === 'currency') return `${n} ${unitId}`;
  return `${n} ${unit?.symbol ?? unitLabel.toLowerCase()}`;
}
