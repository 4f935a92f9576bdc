import type { Schema } from '../../core/api/schema';

/** What `GET /api/dashboard` answers, as the core's OpenAPI document describes it (core/src/dashboard/dashboard.dto.ts). */
export type DashboardView = Schema<'DashboardView'>;
export type DashboardTile = Schema<'DashboardTile'>;
export type DashboardFigure = Schema<'DashboardFigure'>;
export type DashboardChart = Schema<'DashboardChart'>;
/** What `GET /api/dashboard/cases` answers. */
export type DashboardCases = Schema<'DashboardCases'>;

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

/** A figure as it reads: a count (`1,204`), or hours to one decimal (`12.5 hours`); `–` when there was nothing to measure. */
export function formatFigure(value: number | null | undefined, unit?: 'count' | 'hours'): string {
  if (value === null || value === undefined) return '–';
  if (unit === 'hours')
    return `${value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} hours`;
  return formatCount(value);
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
