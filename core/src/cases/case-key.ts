import type { DataSource } from 'typeorm';

/**
 * Allocates the next business key, e.g. `BF-20261124-17`: prefix, the date in the UK, and a
 * per-day sequence. The counter is bumped in its own short statement (not the submission's
 * transaction), so submissions never queue behind each other's commits; a submission that
 * then fails leaves a gap, and two never share a number.
 */
export async function nextBusinessKey(dataSource: DataSource, prefix: string, now = new Date()): Promise<string> {
  const day = ukDate(now);
  const rows = (await dataSource.query(
    `INSERT INTO core.case_key_counter (day, last) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last = core.case_key_counter.last + 1 RETURNING last`,
    [day],
  )) as { last: number }[];
  return `${prefix}-${day.replace(/-/g, '')}-${rows[0]!.last}`;
}

const ukFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in the UK as yyyy-mm-dd. */
export function ukDate(at: Date): string {
  return ukFormat.format(at);
}
