/** What `GET /api/dashboard` answers (core/src/dashboard/dashboard.service.ts). */
export interface DashboardFigure {
  label: string;
  value: number;
  previous?: number;
  lastYear?: number;
  /** For a part of the headline: the headline it is a share of. */
  of?: number;
}

export interface DashboardChart {
  title: string;
  xLabel: string;
  series: { name: string; points: { label: string; value: number }[] }[];
}

export interface DashboardTile {
  id: string;
  title: string;
  figures: DashboardFigure[];
  chart?: DashboardChart;
  links: { cases: string; report?: string; csv?: string; xlsx?: string };
}

export interface DashboardView {
  month: string;
  previousMonth: string;
  lastYearMonth: string;
  scope: string;
  tiles: DashboardTile[];
}

export interface DashboardCases {
  tile: string;
  title: string;
  month: string;
  cases: { caseId: string; reference: string; at: string | null; state: string; team: string | null }[];
  more: boolean;
}

const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-10` → `October 2026`. */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return MONTH_NAME.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The month `by` months from `month` (yyyy-mm). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

const NUMBER = new Intl.NumberFormat('en-GB');

/** A count as the PDF prints it (`1,204`). */
export function formatCount(value: number): string {
  return NUMBER.format(value);
}

/** A part of a whole as `33.3%`, `–` when the whole is 0. */
export function formatShare(part: number, whole: number): string {
  if (!whole) return '–';
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

/** A path with its query string, as routerLink and queryParams want it. */
export function splitLink(link: string): { path: string; queryParams: Record<string, string> } {
  const [path, query = ''] = link.split('?');
  return { path: path!, queryParams: Object.fromEntries(new URLSearchParams(query)) };
}
