import { CronTime, validateCronExpression } from 'cron';

/** Scheduled reports run in UK time, whatever the server's zone. */
export const SCHEDULE_TIME_ZONE = 'Europe/London';

const FIELDS = 5;
const MAX_LENGTH = 100;
/** A scheduled run is one run per command, so schedules may fire at most once an hour. */
const MIN_GAP_MS = 60 * 60 * 1000;
const GAPS_CHECKED = 48;

/**
 * Checks a schedule's cron expression: five fields (minute, hour, day of month, month, day of
 * week; no seconds), valid, firing at some point, and at most once an hour. Returns the problem
 * in words, or undefined when the expression is usable.
 */
export function cronProblem(value: unknown): string | undefined {
  const example = 'like 0 6 1 * * (06:00 on the 1st of each month)';
  if (typeof value !== 'string' || value.trim() === '') return `Enter a cron expression, ${example}`;
  const cron = value.trim();
  if (cron.length > MAX_LENGTH) return `Cron expression must be ${MAX_LENGTH} characters or fewer`;
  if (cron.split(/\s+/).length !== FIELDS)
    return `Enter a cron expression with 5 fields (minute, hour, day of month, month, day of week), ${example}`;
  const check = validateCronExpression(cron);
  if (!check.valid) {
    const detail = check.error?.message ? `: ${check.error.message.split('\n')[0]!.trim()}` : '';
    return `Enter a valid cron expression${detail}`;
  }
  let times: Date[];
  try {
    times = new CronTime(cron, SCHEDULE_TIME_ZONE).sendAt(GAPS_CHECKED).map((t) => t.toJSDate());
  } catch {
    return 'This cron expression never fires (check the day of the month exists in that month)';
  }
  for (let i = 1; i < times.length; i++) {
    if (times[i]!.getTime() - times[i - 1]!.getTime() < MIN_GAP_MS)
      return 'A scheduled report can run at most once an hour';
  }
  return undefined;
}

/** When the expression fires next (UK time), or null if it never does. */
export function nextRunOf(cron: string | null, after = new Date()): Date | null {
  if (!cron) return null;
  try {
    return new CronTime(cron, SCHEDULE_TIME_ZONE).getNextDateFrom(after).toJSDate();
  } catch {
    return null;
  }
}
