import type { ReportMeta, ReportRow } from '../../core/src/reports/pipeline/index.js';

/** Field paths the Command brief template reads (its documented data shape). */
export const commandBriefFields: readonly string[] = [
  'period.from',
  'period.to',
  'totals.oars',
  'totals.borderEvents',
  'byWeek.weekStart',
  'byWeek.oars',
  'byWeek.borderEvents',
  'byLocation.location',
  'byLocation.oars',
  'byLocation.borderEvents',
  'byBranch.branch',
  'byBranch.teams',
  'byBranch.oars',
  'byBranch.borderEvents',
  'byTeam.team',
  'byTeam.branch',
  'byTeam.location',
  'byTeam.oars',
  'byTeam.borderEvents',
  'includeEventLog',
  'rows.occurredAt',
  'rows.reference',
  'rows.location',
  'rows.team',
  'rows.outcome',
  'rows.oars',
];

const TEAMS = [
  ['Heathrow T5 Arrivals Team A', 'Border Force Heathrow', 'Heathrow'],
  ['Heathrow T2 Freight and Postal Interdiction', 'Border Force Heathrow', 'Heathrow'],
  ['Dover Eastern Docks Tourist Controls', 'Border Force South East and Europe', 'Dover'],
  ['Dover Freight Search', 'Border Force South East and Europe', 'Dover'],
  ['Felixstowe Container Examination', 'Border Force Central', 'Felixstowe'],
  ['Gatwick North Arrivals', 'Border Force South', 'Gatwick'],
  ['Manchester T1 Detection', 'Border Force North', 'Manchester'],
  ['Coquelles Juxtaposed Controls', 'Border Force South East and Europe', 'Coquelles'],
] as const;

/** A deterministic small pseudo-random sequence so sample figures are stable between runs. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Sample data in the Command brief's shape: `weeks` weeks from 6 Jan 2025. */
export function commandBriefData(
  options: { weeks?: number; teams?: number; includeEventLog?: boolean } = {},
): Record<string, unknown> {
  const random = seeded(42);
  const weeks = options.weeks ?? 12;
  const byWeek = Array.from({ length: weeks }, (_, i) => ({
    weekStart: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10),
    oars: 20 + Math.round(random() * 40),
    borderEvents: 90 + Math.round(random() * 80),
  }));
  const byTeam = TEAMS.slice(0, options.teams ?? TEAMS.length).map(([team, branch, location]) => ({
    team,
    branch,
    location,
    oars: 10 + Math.round(random() * 120),
    borderEvents: 100 + Math.round(random() * 900),
  }));
  const byLocation = [...new Set(byTeam.map((t) => t.location))].map((location) => ({
    location,
    oars: byTeam.filter((t) => t.location === location).reduce((sum, t) => sum + t.oars, 0),
    borderEvents: byTeam.filter((t) => t.location === location).reduce((sum, t) => sum + t.borderEvents, 0),
  }));
  const byBranch = [...new Set(byTeam.map((t) => t.branch))].map((branch) => {
    const teams = byTeam.filter((t) => t.branch === branch);
    return {
      branch,
      teams: teams.length,
      oars: teams.reduce((sum, t) => sum + t.oars, 0),
      borderEvents: teams.reduce((sum, t) => sum + t.borderEvents, 0),
    };
  });
  return {
    period: {
      from: byWeek[0]?.weekStart ?? '2025-01-06',
      to: new Date(Date.UTC(2025, 0, 5 + 7 * weeks)).toISOString().slice(0, 10),
    },
    totals: {
      oars: byTeam.reduce((sum, t) => sum + t.oars, 0),
      borderEvents: byTeam.reduce((sum, t) => sum + t.borderEvents, 0),
    },
    byWeek,
    byLocation,
    byBranch,
    byTeam,
    includeEventLog: options.includeEventLog ?? false,
  };
}

const OUTCOMES = [
  'No further action',
  'Seizure: class A drugs',
  'Seizure: tobacco',
  'Refused entry',
  'Referred to Home Office Immigration Enforcement',
  'Cash seizure under POCA',
];

/** A re-iterable source of `count` border-event rows (one generator per call, nothing held). */
export function borderEventRows(count: number): () => AsyncIterable<ReportRow> {
  return async function* rows() {
    const start = Date.UTC(2025, 0, 6, 6, 0);
    for (let i = 0; i < count; i++) {
      const [team, , location] = TEAMS[i % TEAMS.length]!;
      yield {
        occurredAt: new Date(start + i * 7 * 60_000),
        reference: `BE-2025-${String(i + 1).padStart(6, '0')}`,
        location,
        team,
        outcome: OUTCOMES[(i * 7) % OUTCOMES.length],
        oars: i % 3 === 0 ? 1 : 0,
      };
    }
  };
}

/** Meta for sample renders. */
export function sampleMeta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return {
    title: 'Command brief',
    subject: 'OARs and border events across workflows',
    author: 'Border Force Central Operations Platform',
    generatedBy: 'Jo Bloggs (Higher Officer, National Command Centre)',
    generatedAt: new Date(Date.UTC(2025, 3, 1, 8, 30)),
    parameters: [
      { label: 'Period', value: '6 Jan 2025 to 30 Mar 2025' },
      { label: 'Branch', value: 'All branches' },
      { label: 'Location', value: 'All locations' },
      { label: 'Team', value: 'All teams' },
    ],
    ...overrides,
  };
}
