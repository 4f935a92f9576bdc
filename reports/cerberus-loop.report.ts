import {
  monthBounds,
  ukMidnight,
  type PluginReport,
  type ReportData,
  type ReportQueryContext,
} from '../core/src/sdk/index.js';

/**
 * Cerberus targets and outcomes in a month: how well the intelligence loop is closing. A
 * cross-workflow report (it reads the `target-information` and `target-outcome` plugins' cases
 * and the core's Cerberus tables), so it lives here rather than in either plugin.
 */

/** Field paths the template reads (checked when the report loads). */
const FIELDS = [
  'period.from',
  'period.to',
  'totals.received',
  'totals.withOutcome',
  'totals.awaiting',
  'totals.closed',
  'totals.medianHours',
  'totals.p90Hours',
  'delivery.delivered',
  'delivery.waiting',
  'delivery.failed',
  'byPort.port',
  'byPort.targets',
  'byPort.outcomes',
  'byPort.awaiting',
  'byPort.closed',
  'byPort.medianHours',
  'results.outcome',
  'results.targets',
  'oldestAwaiting.reference',
  'oldestAwaiting.receivedAt',
  'oldestAwaiting.port',
  'oldestAwaiting.team',
  'oldestAwaiting.hoursWaiting',
  'awaitingLimit',
  'awaitingMore',
];

/** Targets still awaiting an outcome listed one by one, longest waiting first. */
export const AWAITING_LIMIT = 20;

/**
 * States in which a target can still get an outcome (`record-outcome` starts from issued and
 * accepted; a returned target can be reissued). A target without an outcome in any other state
 * was closed without one: withdrawn, replaced by a newer target, or marked complete.
 */
const OPEN_STATES = ['issued', 'accepted', 'returned'];

interface PortRow {
  portId: string | null;
  port: string;
  targets: number;
  outcomes: number;
  awaiting: number;
  closed: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/**
 * How well the Cerberus loop closed for the targets received in one calendar month (UK time) by
 * the teams of the manager's command, or the team chosen: targets received, with an outcome
 * recorded, still awaiting one, closed without one; hours from receipt to the outcome being
 * recorded (median and 90th percentile); whether each outcome reached Cerberus; by port; the
 * outcome results; and the targets waiting longest.
 *
 * A target is a `target-information` case filed from a Cerberus message (`core.cerberus_target`
 * names its case; a sheet typed in by hand is not a Cerberus target and has no outcome to return).
 * Received is when its case was created, its team is the case's team now (a newer version can
 * move it), its port the port on the version held now. The month is a range scan on the core's
 * `core.case (plugin_id, created_at)` index: only that month's targets are read, however long the
 * history. The outcome is the `target-outcome` plugin's row for the target reference (one per
 * target, indexed by reference; a correction changes its `outcome` in place), recorded when the row
 * was written; its delivery is the status of the newest `cerberus.outcome` event for the outcome
 * case in `core.outbox` (a correction queues a new revision, so a failed first send that a
 * correction later delivered counts as delivered). Three queries, a few dozen rows back.
 *
 * Cost: the targets and the waiting list are index range and primary-key probes over the month's
 * targets alone (25 ms and 10 ms for 2,800 targets among 2.5 million cases); the delivery status
 * reads each outcome's events through the core's `outbox_case_events_idx` (cases' integration
 * events by case; it needs the `topic NOT LIKE 'case.%'` predicate below), not the whole outbox.
 */
async function monthlyTargets(ctx: ReportQueryContext): Promise<ReportData> {
  const { month } = ctx.parameters as { month: string };
  const { from, to, next } = monthBounds(month);
  const params: unknown[] = [from, next, OPEN_STATES];
  const scope = ctx.scope.all ? '' : `AND c.team_id = ANY($${params.push(ctx.scope.teams)}::text[])`;
  const targets = `
    targets AS (
      SELECT c.id, c.business_key, c.team_id, c.state, c.created_at AS received_at, c.answers->>'port' AS port_id,
             ct.target_id
        FROM core.case c
       -- Filed from a Cerberus message: one primary-key probe per target (LIMIT keeps it a probe
       -- rather than a hash of every target ever received).
       CROSS JOIN LATERAL (SELECT ct.target_id FROM core.cerberus_target ct
                            WHERE ct.target_id = c.answers->>'targetId' AND ct.case_id = c.id LIMIT 1) ct
       WHERE c.plugin_id = 'target-information'
         AND c.created_at >= ${ukMidnight('$1')} AND c.created_at < ${ukMidnight('$2')} ${scope}
    ),
    loop AS (
      SELECT t.*, o.case_id AS outcome_case, o.outcome,
             extract(epoch FROM o.created_at - t.received_at)::float8 / 3600 AS hours,
             o.case_id IS NULL AND t.state = ANY($3::text[]) AS awaiting,
             o.case_id IS NULL AND NOT t.state = ANY($3::text[]) AS closed
        FROM targets t
        LEFT JOIN LATERAL (
          SELECT o.case_id, o.outcome, o.created_at FROM plugin_target_outcome.target_outcome o
           WHERE o.target_reference = t.target_id ORDER BY o.created_at, o.id LIMIT 1) o ON true
    )`;

  // By port, and (the empty grouping set) the whole month.
  const groups = (await ctx.manager.query(
    `WITH ${targets},
          agg AS (
            SELECT GROUPING(port_id) = 1 AS total, port_id, count(*)::int AS targets,
                   count(outcome_case)::int AS outcomes,
                   count(*) FILTER (WHERE awaiting)::int AS awaiting,
                   count(*) FILTER (WHERE closed)::int AS closed,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS "medianHours",
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY hours) AS "p90Hours"
              FROM loop GROUP BY GROUPING SETS ((port_id), ()))
     SELECT agg.total, agg.port_id AS "portId", coalesce(p.label, agg.port_id, 'Port not given') AS port,
            agg.targets, agg.outcomes, agg.awaiting, agg.closed, agg."medianHours", agg."p90Hours"
       FROM agg LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = agg.port_id`,
    params,
  )) as (PortRow & { total: boolean })[];

  const whole = groups.find((g) => g.total);
  if (!whole || whole.targets === 0)
    return { data: { period: { from, to }, totals: { received: 0 }, awaitingLimit: AWAITING_LIMIT } };

  // Outcome results, and the delivery of each outcome's newest revision to Cerberus (skipped when
  // there is no outcome).
  const counts =
    whole.outcomes === 0
      ? []
      : ((await ctx.manager.query(
          `WITH ${targets},
          latest AS (
            SELECT DISTINCT ON (ob.case_id) ob.status
              FROM core.outbox ob
             WHERE ob.topic = 'cerberus.outcome' AND ob.topic NOT LIKE 'case.%'
               AND ob.case_id IN (SELECT outcome_case FROM loop)
             ORDER BY ob.case_id, ob.id DESC),
          agg AS (
            SELECT 'result' AS kind, outcome AS id, count(*)::int AS n FROM loop WHERE outcome IS NOT NULL GROUP BY outcome
            UNION ALL
            SELECT 'delivery', status, count(*)::int FROM latest GROUP BY status)
     SELECT agg.kind, agg.id, coalesce(r.label, agg.id) AS label, agg.n
       FROM agg LEFT JOIN core.reference_row r ON agg.kind = 'result' AND r.set_id = 'outcomes' AND r.id = agg.id`,
          params,
        )) as { kind: 'result' | 'delivery'; id: string; label: string; n: number }[]);
  const delivered = (status: string) => counts.find((c) => c.kind === 'delivery' && c.id === status)?.n ?? 0;
  const results = counts
    .filter((c) => c.kind === 'result')
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'en-GB'))
    .map((c) => ({ outcome: c.label, targets: c.n }));

  // The targets waiting longest (hours to when the report's transaction began).
  const oldestAwaiting = (await ctx.manager.query(
    `WITH ${targets}
     SELECT l.target_id AS reference, l.received_at AS "receivedAt",
            coalesce(p.label, l.port_id, '') AS port, coalesce(tm.label, l.team_id, '') AS team,
            floor(extract(epoch FROM now() - l.received_at) / 3600)::int AS "hoursWaiting"
       FROM loop l
       LEFT JOIN core.reference_row p ON p.set_id = 'ports' AND p.id = l.port_id
       LEFT JOIN core.reference_row tm ON tm.set_id = 'teams' AND tm.id = l.team_id
      WHERE l.awaiting
      ORDER BY l.received_at, l.business_key
      LIMIT $${params.length + 1}`,
    [...params, AWAITING_LIMIT],
  )) as { reference: string; receivedAt: Date; port: string; team: string; hoursWaiting: number }[];

  const byPort = groups
    .filter((g) => !g.total)
    .sort((a, b) => b.targets - a.targets || a.port.localeCompare(b.port, 'en-GB'))
    .map((g) => ({
      port: g.port,
      targets: g.targets,
      outcomes: g.outcomes,
      awaiting: g.awaiting,
      closed: g.closed,
      medianHours: g.medianHours,
    }));

  return {
    data: {
      period: { from, to },
      totals: {
        received: whole.targets,
        withOutcome: whole.outcomes,
        awaiting: whole.awaiting,
        closed: whole.closed,
        medianHours: whole.medianHours,
        p90Hours: whole.p90Hours,
      },
      delivery: { delivered: delivered('delivered'), waiting: delivered('pending'), failed: delivered('dead') },
      byPort,
      results,
      oldestAwaiting,
      awaitingLimit: AWAITING_LIMIT,
      awaitingMore: whole.awaiting - oldestAwaiting.length,
    },
  };
}

const cerberusLoop: PluginReport = {
  id: 'cerberus-loop',
  title: 'Cerberus targets and outcomes in a month',
  description:
    'How well the Cerberus loop is closing: targets received in a month, how many have an outcome, how long outcomes took and whether they reached Cerberus, by port, with the targets still awaiting an outcome.',
  roles: ['manager'],
  parameters: [
    { name: 'month', label: 'Month', type: 'month', required: true, hint: 'For example, 10 2026' },
    { name: 'team', label: 'Team', type: 'team', hint: 'Leave empty for every team in your command' },
  ],
  fields: FIELDS,
  query: monthlyTargets,
};

export default cerberusLoop;
