/**
 * Helpers for plugin report queries: the calendar month a `month` parameter names, and the SQL
 * for midnight UK time, so every monthly report bounds its month the same way.
 */

/** `2026-10` → the first and last day of the month and the first day of the next, as yyyy-mm-dd. */
export function monthBounds(month: string): { from: string; to: string; next: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: `${month}-01`, to: iso(new Date(Date.UTC(year, m, 0))), next: iso(new Date(Date.UTC(year, m, 1))) };
}

/**
 * SQL for midnight UK time at the start of the date in parameter `param` (e.g. `$1`), as an
 * instant. The cast to timestamp comes first: `date AT TIME ZONE` would read the date as UTC
 * midnight and give London wall time, an hour out during BST.
 */
export function ukMidnight(param: string): string {
  return `(${param}::date::timestamp AT TIME ZONE 'Europe/London')`;
}
