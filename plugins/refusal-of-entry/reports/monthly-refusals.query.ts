import type { ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';
import { REFUSALS } from '../outcomes.js';

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

const OUTCOMES = {
  cases: { count: true },
  refused: { count: { outcome: REFUSALS } },
  leaveGranted: { count: { outcome: 'leave-granted' } },
  bail: { count: { outcome: 'immigration-bail' } },
  asylum: { count: { outcome: 'asylum-claim' } },
  withdrew: { count: { outcome: 'withdrew' } },
  // Detained is held under paragraph 16 OR refused and detained: filters only AND, so it is two
  // measures that cannot overlap, added up below.
  heldUnderPara16: { count: { powerUsed: DETENTION_POWERS } },
  refusedDetainedOtherwise: { count: { powerUsed: { not: DETENTION_POWERS }, outcome: 'refused-detained' } },
} as const;

/** Most refusals first, then most examined, then by name. */
const byRefusals =
  <T extends { refused: number; cases: number }>(label: (row: T) => string) =>
  (a: T, b: T) =>
    b.refused - a.refused || b.cases - a.cases || label(a).localeCompare(label(b), 'en-GB');

/**
 * Passengers held for further examination (IS81) whose decision was made in one calendar month
 * (UK time) in the manager's command, or the team chosen: outcomes, and counts by port, by
 * nationality (the 15 with most refusals, then the rest on one row) and by the reasons the
 * passenger was held. The form records the grounds for refusal only as free text (the wording of
 * notice IS82), so the risk factors are the structured reasons there are to count. The outcome
 * is the start form's answer, which no later action changes: each case counts by its decision.
 */
export async function monthlyRefusals({ cases, period }: ReportQueryContext): Promise<ReportData> {
  const within = period!;
  const all = (await cases.aggregate({ measures: OUTCOMES, within }))[0]!;
  const ports = await cases.aggregate({ by: 'port', measures: OUTCOMES, within });
  const counts = { cases: { count: true }, refused: { count: { outcome: REFUSALS } } } as const;
  const nationalities = (await cases.aggregate({ by: 'nationality', measures: counts, within }))
    .map((n) => ({ nationality: String(n.nationality), cases: n.cases, refused: n.refused }))
    .sort(byRefusals((n) => n.nationality));
  const factors = (await cases.aggregate({ by: 'riskFactors', measures: counts, within }))
    .map((f) => ({ factor: String(f.riskFactors), cases: f.cases, refused: f.refused }))
    .sort(byRefusals((f) => f.factor));
  const rest = nationalities.slice(NATIONALITY_LIMIT);
  const sum = (rows: { cases: number; refused: number }[], key: 'cases' | 'refused') =>
    rows.reduce((n, r) => n + r[key], 0);
  return {
    data: {
      period: { from: within.fromDate, to: within.toDate },
      totals: { ...all, detained: all.heldUnderPara16 + all.refusedDetainedOtherwise },
      byPort: ports
        .sort(
          (a, b) => b.cases - a.cases || b.refused - a.refused || String(a.port).localeCompare(String(b.port), 'en-GB'),
        )
        .map((p) => ({ ...p, other: p.cases - p.refused - p.leaveGranted - p.bail })),
      byNationality: nationalities.slice(0, NATIONALITY_LIMIT),
      nationalityLimit: NATIONALITY_LIMIT,
      otherNationalities:
        rest.length > 0
          ? { nationalities: rest.length, cases: sum(rest, 'cases'), refused: sum(rest, 'refused') }
          : null,
      byRiskFactor: factors,
    },
  };
}
