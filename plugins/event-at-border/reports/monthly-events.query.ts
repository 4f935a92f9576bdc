import { monthBounds, ukMidnight, type ReportData, type ReportQueryContext } from '../../../core/src/sdk/index.js';

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
  'rows.eventAt',
  'rows.reference',
  'rows.port',
  'rows.outcome',
  'rows.items',
];

/** Outcomes shown first, in this order; any other outcome follows by label. */
const OUTCOME_ORDER = ['seizure', 'negative', 'no-show'];
const CHART_PORTS = 8;
/** Events listed one by one up to this many (about 760 pages); above it only the summary is printed. */
export const LIST_LIMIT = 20_000;

interface PortOutcome {
  port: string;
  outcome: string;
  events: number;
}

/**
 * Events at the border in one calendar month (UK time) in the manager's command: counts by
 * port and outcome, items seized, and every event streamed from a cursor when there are at
 * most `LIST_LIMIT` of them (a team's month; a whole command's month is tens of thousands of
 * pages, so the summary then says how to get the list instead).
 *
 * Everything is read from the plugin's typed rows: the month is an index range scan on
 * `plugin_event_at_border.event (event_at)`, and the team scope is the row's own `team_id` (the
 * case's team, copied when the row is written), all in one covering index (migration
 * 1764205000000), so the cost follows the month's events, not every event ever recorded. Counts
 * and sums are aggregated in SQL: a few dozen rows come back however busy the month was.
 */
export async function monthlyEvents(ctx: ReportQueryContext): Promise<ReportData> {
  const { month } = ctx.parameters as { month: string };
  const { from, to, next } = monthBounds(month);
  const params: unknown[] = [from, next];
  const scope = ctx.scope.all ? '' : `AND e.team_id = ANY($${params.push(ctx.scope.teams)})`;
  const events = `SELECT e.case_id, e.business_key, e.event_at, e.port_id, e.outcome
      FROM plugin_event_at_border.event e
     WHERE e.event_at >= ${ukMidnight('$1')} AND e.event_at < ${ukMidnight('$2')} ${scope}`;

  const counts = (await ctx.manager.query(
    `WITH ev AS (${events}), agg AS (SELECT port_id, outcome, count(*)::int AS events FROM ev GROUP BY port_id, outcome)
     SELECT coalesce(p.label, agg.port_id) AS port, agg.outcome, agg.events
       FROM agg LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = agg.port_id
`,
    params,
  )) as PortOutcome[];

  const items = (await ctx.manager.query(
    `WITH ev AS (${events}),
          agg AS (SELECT i.item_id, i.unit_id, sum(i.quantity) AS quantity, count(DISTINCT i.case_id)::int AS seizures
                    FROM ev JOIN plugin_event_at_border.event_item i ON i.case_id = ev.case_id
                   WHERE ev.outcome = 'seizure'
                   GROUP BY i.item_id, i.unit_id)
     SELECT coalesce(it.label, agg.item_id) AS item, agg.quantity::text AS quantity, agg.seizures,
            agg.unit_id AS "unitId", u.label AS "unitLabel", u.attributes->>'symbol' AS "unitSymbol", u.attributes->>'kind' AS "unitKind"
       FROM agg
       LEFT JOIN core.reference_row it ON it.set_id = 'items' AND it.id = agg.item_id
       LEFT JOIN core.reference_row u ON u.set_id = 'units' AND u.id = agg.unit_id
      ORDER BY item, "unitId"`,
    params,
  )) as {
    item: string;
    quantity: string;
    seizures: number;
    unitId: string;
    unitLabel: string | null;
    unitSymbol: string | null;
    unitKind: string | null;
  }[];

  const outcomeRows = (await ctx.manager.query(
    `SELECT id, label FROM core.reference_row WHERE set_id = 'outcomes' AND 'event-at-border' = ANY(flags)`,
  )) as { id: string; label: string }[];
  const outcomeLabels = new Map(outcomeRows.map((o) => [o.id, o.label]));
  const outcomeIds = [...new Set([...outcomeRows.map((o) => o.id), ...counts.map((c) => c.outcome)])].sort(
    (a, b) => rank(a) - rank(b) || label(a).localeCompare(label(b)),
  );
  function label(id: string): string {
    return outcomeLabels.get(id) ?? id;
  }

  const ports = [...new Set(counts.map((c) => c.port))];
  const cells = new Map<string, number>();
  for (const c of counts)
    cells.set(`${c.port}\u0000${c.outcome}`, (cells.get(`${c.port}\u0000${c.outcome}`) ?? 0) + c.events);
  const cell = (port: string, outcome: string) => cells.get(`${port}\u0000${outcome}`) ?? 0;
  const byPort = ports
    .map((port) => ({
      port,
      events: outcomeIds.reduce((n, o) => n + cell(port, o), 0),
      outcomes: outcomeIds.map((o) => ({ events: cell(port, o) })),
    }))
    .sort((a, b) => b.events - a.events || a.port.localeCompare(b.port));
  // The chart shows the busiest ports only, so its bars stay readable; the table has them all.
  const charted = byPort.slice(0, CHART_PORTS);
  const byOutcome = (outcome: string) => counts.filter((c) => c.outcome === outcome).reduce((n, c) => n + c.events, 0);

  const rowsSql = `WITH ev AS (${events})
    SELECT ev.event_at AS "eventAt", ev.business_key AS reference, coalesce(p.label, ev.port_id) AS port,
           coalesce(o.label, ev.outcome) AS outcome,
           (SELECT count(*)::int FROM plugin_event_at_border.event_item i WHERE i.case_id = ev.case_id) AS items
      FROM ev
      LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = ev.port_id
      LEFT JOIN core.reference_row o ON o.set_id = 'outcomes' AND o.id = ev.outcome
     ORDER BY ev.event_at, ev.business_key`;

  const total = byPort.reduce((n, p) => n + p.events, 0);
  const listEvents = total <= LIST_LIMIT;
  return {
    data: {
      period: { month, from, to },
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
      items: items.map((i) => ({ item: i.item, quantity: withUnit(i.quantity, i), seizures: i.seizures })),
    },
    rows: listEvents ? () => ctx.stream(rowsSql, params) : undefined,
  };
}

function rank(outcome: string): number {
  const i = OUTCOME_ORDER.indexOf(outcome);
  return i === -1 ? OUTCOME_ORDER.length : i;
}

/** `12.5` kg → "12.5 kg"; 40000 sticks → "40,000 sticks"; 5000 GBP → "5,000 GBP". */
function withUnit(
  quantity: string,
  unit: { unitId: string; unitLabel: string | null; unitSymbol: string | null; unitKind: string | null },
): string {
  const n = Number(quantity).toLocaleString('en-GB', { maximumFractionDigits: 3 });
  if (unit.unitKind === 'currency') return `${n} ${unit.unitId}`;
  return `${n} ${unit.unitSymbol ?? (unit.unitLabel ?? unit.unitId).toLowerCase()}`;
}
