import { breakdowns } from '../read-model/summary-report.js';
import type { ReportDefinition } from '../reports/report-definition.js';
import type { DashboardTileDeclaration } from '../sdk/manifest.js';

/** A tile as the dashboard computes it: its declaration, with the report it belongs to. */
export interface DeclaredTile {
  /** `<report key>.<tile id>`. */
  key: string;
  report: ReportDefinition;
  workflow: string;
  tile: DashboardTileDeclaration;
}

/**
 * Every tile the available reports declare, in catalogue order: a report's own `dashboard`
 * tiles, or for a summary report the one its declaration implies (its headline figure, its
 * second count as a share, charted by its first breakdown). Nothing in the shell names them.
 */
export function declaredTiles(reports: readonly ReportDefinition[]): DeclaredTile[] {
  return reports.flatMap((report) => {
    const own = report.report.dashboard;
    if (own === false) return [];
    const tiles = own ?? summaryTile(report);
    return tiles.flatMap((tile) => {
      const workflow = tile.workflow ?? report.pluginId;
      return workflow ? [{ key: `${report.key}.${tile.id}`, report, workflow, tile }] : [];
    });
  });
}

function summaryTile(report: ReportDefinition): DashboardTileDeclaration[] {
  const summary = report.report.summary;
  if (!summary) return [];
  const measures = Object.entries(summary.measures);
  const [, headline] = measures[0]!;
  // A tile counts cases: a headline over items, or divided, is for the report alone.
  if (headline.items !== undefined || headline.divideBy !== undefined) return [];
  const part = measures
    .slice(1)
    .find(([, m]) => 'count' in m && m.count !== true && typeof m.count === 'object')?.[1] as
    { label: string; count: Record<string, never> } | undefined;
  const [by] = breakdowns(summary.by)[0] ?? [];
  const byHeading = breakdowns(summary.by)[0]?.[1].heading;
  return [
    {
      id: 'summary',
      title: report.report.title,
      measure: headline,
      ...(part ? { share: { label: part.label, where: part.count } } : {}),
      ...(summary.where ? { where: summary.where } : {}),
      ...(by ? { by, byLabel: byHeading } : {}),
    },
  ];
}
