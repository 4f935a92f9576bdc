import type { Measure, ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

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
 * port safeguarding lead are not), counted under the key the template reads.
 */
const AGENCIES = {
  childrensServices: { count: { actionsTaken: 'childrens-services' } },
  nrm: { count: { actionsTaken: 'nrm-referral' } },
  dutyToNotify: { count: { actionsTaken: 'duty-to-notify' } },
  police: { count: { actionsTaken: 'police' } },
  supportOrganisation: { count: { actionsTaken: 'support-organisation' } },
} as const;

/** What the workflow decides that the report counts by. */
export interface SafeguardingRules {
  /** States that end a referral: every other state is still open. */
  closedStates: string[];
  /** `personAge` answers that mean the person is treated as a child. */
  children: string[];
}

/**
 * Safeguarding and modern slavery referrals in one calendar month (UK time, by when the officer
 * met the person, not when the referral was made) in the manager's command, or the team chosen:
 * key figures (children and adults, referrals to agencies, how many are still open, by the case's
 * state now), referrals by port, by main concern and by what the officer noticed.
 *
 * Counts only: every figure is an aggregate of the read model, which keeps no name, free text or
 * other personal detail of the person, and no reference or row reaches the template.
 */
export async function monthlySafeguarding(
  { cases, period }: ReportQueryContext,
  rules: SafeguardingRules,
): Promise<ReportData> {
  const within = period!;
  const treatedAsChild = { count: { personAge: rules.children } } satisfies Measure;
  const all = (
    await cases.aggregate({
      measures: {
        referrals: { count: true },
        children: treatedAsChild,
        ageInDoubt: { count: { personAge: 'age-in-doubt' } },
        ...AGENCIES,
        open: { count: { state: { not: rules.closedStates } } },
      },
      within,
    })
  )[0]!;
  const grouped = (by: 'port' | 'category') =>
    cases.aggregate({ by, measures: { referrals: { count: true }, children: treatedAsChild }, within });
  const byPort = (await grouped('port')).map(({ port, referrals, children }) => ({
    port,
    referrals,
    children,
    adults: referrals - children,
  }));
  const byConcern = (await grouped('category')).map(({ category, referrals, children }) => ({
    concern: category,
    referrals,
    children,
  }));
  // Each referral counted once under each thing the officer noticed.
  const byIndicator = (
    await cases.aggregate({ by: 'indicators', measures: { referrals: { count: true } }, within })
  ).map((i) => ({ indicator: i.indicators, referrals: i.referrals }));
  return {
    data: {
      period: { from: within.fromDate, to: within.toDate },
      totals: { ...all, adults: all.referrals - all.children },
      byPort,
      byConcern,
      byIndicator,
    },
  };
}
