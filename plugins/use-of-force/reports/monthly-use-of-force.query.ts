import type { ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlyUseOfForceFields = [
  'period.from',
  'period.to',
  'totals.reports',
  'totals.subjectInjured',
  'totals.officerInjured',
  'totals.medicalAssistance',
  'totals.bodyWornVideo',
  'byPort.port',
  'byPort.reports',
  'byPort.subjectInjured',
  'byPort.officerInjured',
  'techniques.technique',
  'techniques.reports',
  'reasons.reason',
  'reasons.reports',
];

/** Medical assistance answers that count as assistance given (not "none needed" or "offered and declined"). */
const MEDICAL_ASSISTANCE_GIVEN = ['first-aid', 'paramedic', 'hospital'];

const MEASURES = {
  reports: { count: true },
  subjectInjured: { count: { subjectInjured: true } },
  officerInjured: { count: { officerInjured: true } },
  medicalAssistance: { count: { medicalAssistance: MEDICAL_ASSISTANCE_GIVEN } },
  bodyWornVideo: { count: { bodyWornVideo: true } },
} as const;

/**
 * Uses of force in one calendar month (UK time, by when force was used, not when the report
 * was made) in the manager's command, or the team chosen: key figures, reports and injuries by
 * port, and how many reports recorded each restraint technique and each reason (a report can
 * record several of each, and counts once under each).
 */
export async function monthlyUseOfForce({ cases, period }: ReportQueryContext): Promise<ReportData> {
  const within = period!;
  const [totals] = await cases.aggregate({ measures: MEASURES, within });
  const byPort = await cases.aggregate({ by: 'port', measures: MEASURES, within });
  const perValue = (by: 'techniques' | 'reasons') =>
    cases.aggregate({ by, measures: { reports: { count: true } }, within });
  return {
    data: {
      period: { from: within.fromDate, to: within.toDate },
      totals,
      byPort,
      techniques: (await perValue('techniques')).map((t) => ({ technique: t.techniques, reports: t.reports })),
      reasons: (await perValue('reasons')).map((r) => ({ reason: r.reasons, reports: r.reports })),
    },
  };
}
