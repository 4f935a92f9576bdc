import type { PluginReport, ReportCases, ReportData, ReportPeriod, ReportQueryContext } from '../core/src/sdk/index.js';

/**
 * Cerberus targets and outcomes in a month: how well the intelligence loop is closing. A
 * cross-workflow report (it reads the `target-information` and `target-outcome` plugins' cases),
 * so it lives here rather than in either plugin.
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

const HOUR = 3600_000;

/**
 * States in which a target can still get an outcome (`record-outcome` starts from issued and
 * accepted; a returned target can be reissued).
 */
const OPEN_STATES = ['issued', 'accepted', 'returned'];

/**
 * A target's state once its outcome is recorded: the outcome's submission takes the target's
 * `record-outcome` action in its own transaction, so a target has an outcome exactly when it is in
 * this state. A target in any other closed state was closed without one: withdrawn, replaced by a
 * newer target, or marked complete.
 */
const OUTCOME_RECORDED = 'outcome-recorded';

/**
 * Each target of the month that has an outcome, with that outcome (as corrected), its case and the
 * hours from receipt to the officer recording it. SQL because it joins the two plugins (on the
 * Cerberus reference) and times one case against another, which the report SDK cannot; it reads
 * only their surface views, which the core limits to the report's scope. Neither plugin marks a
 * time field, so `at` is when the case was created: a target's receipt, an outcome's recording
 * (always after its target's, so the outcomes are an index range too). One outcome per target (the
 * outcome plugin refuses a second); should there ever be two, the first recorded counts.
 */
const TARGET_OUTCOMES = `
  SELECT DISTINCT ON (t.case_id) t.port, o.outcome, o.case_id AS outcome_case,
         extract(epoch FROM o.at - t.at)::float8 / 3600 AS hours
    FROM plugin_target_information.case_v1 t
    JOIN plugin_target_outcome.case_v1 o ON o.target_reference = t.target_id
   WHERE t.at >= $1 AND t.at < $2 AND t.state = $3
     AND o.at >= $1
   ORDER BY t.case_id, o.at, o.case_id`;

/** The median hours from receipt to outcome of the month's targets, as the report's key figures give it. */
async function medianHours(ctx: ReportQueryContext, within: ReportPeriod): Promise<number | null> {
  const [row] = (await ctx.manager.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median FROM (${TARGET_OUTCOMES}) loop`,
    [within.from, within.to, OUTCOME_RECORDED],
  )) as { median: number | null }[];
  return row?.median ?? null;
}

interface LoopRow {
  /** Which grouping the row is: by port, by outcome, or the whole month. */
  kind: 'port' | 'outcome' | 'all';
  id: string | null;
  label: string | null;
  n: number;
  median: number | null;
  p90: number | null;
  outcomeCases: string[] | null;
}

/** Hours to outcome by port and for the month, outcomes by result (labelled), and the outcome cases. */
async function loopFigures(ctx: ReportQueryContext, within: ReportPeriod): Promise<LoopRow[]> {
  return (await ctx.manager.query(
    `WITH loop AS (${TARGET_OUTCOMES}),
          agg AS (
            SELECT CASE WHEN GROUPING(port) = 0 THEN 'port' WHEN GROUPING(outcome) = 0 THEN 'outcome' ELSE 'all' END AS kind,
                   coalesce(port, outcome) AS id, count(*)::int AS n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY hours) AS p90,
                   CASE WHEN GROUPING(port, outcome) = 3 THEN array_agg(outcome_case) END AS "outcomeCases"
              FROM loop GROUP BY GROUPING SETS ((port), (outcome), ()))
     SELECT agg.*, r.label
       FROM agg LEFT JOIN plugin_target_outcome.reference_v1 r
         ON agg.kind = 'outcome' AND r.set_id = 'outcomes' AND r.id = agg.id`,
    [within.from, within.to, OUTCOME_RECORDED],
  )) as LoopRow[];
}

/**
 * Whether each outcome reached Cerberus: the status of its newest `cerberus.outcome` message (a
 * correction queues a new revision, so a failed first send that a correction later delivered
 * counts as delivered). Read from the outcome workflow's `message_v1` surface view, which shows
 * only the messages of cases in the report's scope.
 */
async function deliveryOf(ctx: ReportQueryContext, outcomeCases: string[]): Promise<Map<string, number>> {
  const rows = (await ctx.manager.query(
    `SELECT latest.status, count(*)::int AS n
       FROM unnest($1::uuid[]) AS o(case_id)
      CROSS JOIN LATERAL (
        SELECT m.status FROM plugin_target_outcome.message_v1 m
         WHERE m.case_id = o.case_id AND m.topic = 'cerberus.outcome'
         ORDER BY m.id DESC LIMIT 1) latest
      GROUP BY latest.status`,
    [outcomeCases],
  )) as { status: string; n: number }[];
  return new Map(rows.map((r) => [r.status, r.n]));
}

/** The targets waiting longest, with whole hours waited to now. */
async function oldestAwaiting(targets: ReportCases, within: ReportPeriod) {
  const now = Date.now();
  const listed: { reference: string; receivedAt: Date; port: string; team: string; hoursWaiting: number }[] = [];
  const rows = targets.rows({
    columns: ['targetId', 'submittedAt', 'port', 'ownerTeam'],
    where: { state: OPEN_STATES },
    within,
    orderBy: ['submittedAt', 'reference'],
  });
  for await (const row of rows()) {
    const receivedAt = row.submittedAt as Date;
    listed.push({
      reference: String(row.targetId),
      receivedAt,
      port: String(row.port ?? ''),
      team: String(row.ownerTeam ?? ''),
      hoursWaiting: Math.floor((now - receivedAt.getTime()) / HOUR),
    });
    if (listed.length === AWAITING_LIMIT) break;
  }
  return listed;
}

/**
 * How well the Cerberus loop closed for the targets received in one calendar month (UK time) by
 * the teams of the manager's command, or the team chosen: targets received, with an outcome
 * recorded, still awaiting one, closed without one; hours from receipt to the outcome being
 * recorded (median and 90th percentile); whether each outcome reached Cerberus; by port; the
 * outcome results; and the targets waiting longest.
 *
 * A target is a `target-information` case, received when its case was created, under the team
 * that owns it now (a newer version can move it) and the port of the version held now; its
 * outcome is the `target-outcome` case for its reference, recorded when that case was created.
 * Counts come from the target's state through the SDK; what joins a target to its outcome is SQL
 * over the two plugins' surface views; delivery is one scoped read of the outbox.
 */
async function monthlyTargets(ctx: ReportQueryContext): Promise<ReportData> {
  const within = ctx.period!;
  const period = { from: within.fromDate, to: within.toDate };
  const targets = ctx.casesOf('target-information');
  const ports = await targets.aggregate({
    by: 'port',
    measures: {
      targets: { count: true },
      outcomes: { count: { state: OUTCOME_RECORDED } },
      awaiting: { count: { state: OPEN_STATES } },
      closed: { count: { state: { not: [...OPEN_STATES, OUTCOME_RECORDED] } } },
    },
    within,
  });
  const sum = (key: 'targets' | 'outcomes' | 'awaiting' | 'closed') => ports.reduce((n, row) => n + row[key], 0);
  const received = sum('targets');
  if (received === 0) return { data: { period, totals: { received: 0 }, awaitingLimit: AWAITING_LIMIT } };

  const withOutcome = sum('outcomes');
  const loop = withOutcome === 0 ? [] : await loopFigures(ctx, within);
  const whole = loop.find((r) => r.kind === 'all');
  const delivery = whole?.outcomeCases ? await deliveryOf(ctx, whole.outcomeCases) : new Map<string, number>();
  const medianAt = new Map(loop.filter((r) => r.kind === 'port').map((r) => [r.id, r.median]));
  const results = loop
    .filter((r) => r.kind === 'outcome')
    .map((r) => ({ outcome: r.label ?? r.id ?? '', targets: r.n }))
    .sort((a, b) => b.targets - a.targets || a.outcome.localeCompare(b.outcome, 'en-GB'));
  const awaiting = sum('awaiting');
  const listed = await oldestAwaiting(targets, within);

  return {
    data: {
      period,
      totals: {
        received,
        withOutcome,
        awaiting,
        closed: sum('closed'),
        medianHours: whole?.median ?? null,
        p90Hours: whole?.p90 ?? null,
      },
      delivery: {
        delivered: delivery.get('delivered') ?? 0,
        waiting: delivery.get('pending') ?? 0,
        failed: delivery.get('dead') ?? 0,
      },
      byPort: ports.map((row) => ({
        port: row.port ?? 'Port not given',
        targets: row.targets,
        outcomes: row.outcomes,
        awaiting: row.awaiting,
        closed: row.closed,
        medianHours: medianAt.get(row.ids.port ?? null) ?? null,
      })),
      results,
      oldestAwaiting: listed,
      awaitingLimit: AWAITING_LIMIT,
      awaitingMore: awaiting - listed.length,
    },
  };
}

const cerberusLoop: PluginReport = {
  id: 'cerberus-loop',
  title: 'Cerberus targets and outcomes in a month',
  description:
    'How well the Cerberus loop is closing: targets received in a month, how many have an outcome, how long outcomes took and whether they reached Cerberus, by port, with the targets still awaiting an outcome.',
  roles: ['manager'],
  period: 'month',
  fields: FIELDS,
  query: monthlyTargets,
  dashboard: [
    {
      id: 'targets',
      title: 'Cerberus targets',
      workflow: 'target-information',
      measure: { label: 'Targets received', count: true },
      share: { label: 'With an outcome', where: { state: OUTCOME_RECORDED } },
      by: 'port',
      byLabel: 'Port',
    },
    {
      id: 'hours',
      title: 'Hours to outcome',
      workflow: 'target-information',
      measure: { label: 'Median hours from target to outcome', count: true },
      // The cases behind it: the month's targets with an outcome.
      where: { state: OUTCOME_RECORDED },
      unit: 'hours',
      figure: medianHours,
    },
  ],
};

export default cerberusLoop;
