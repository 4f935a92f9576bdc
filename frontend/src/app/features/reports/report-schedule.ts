import { ApiFieldError } from '../../core/api/api-error';
import { FieldProblem } from '../../core/ui/error-summary';

/**
 * Report schedules without cron: the radios a manager chooses from, mapped to and from the
 * cron expressions the core keeps (`minute hour day-of-month month day-of-week`, UK time).
 * Plain TypeScript, no Angular, so the mapping is unit tested on its own.
 */

/** A schedule a manager can choose without writing cron. */
export type RepeatingSchedule =
  | { frequency: 'daily'; hour: number; minute: number }
  /** `dayOfWeek`: 0 Sunday to 6 Saturday, as in cron. */
  | { frequency: 'weekly'; hour: number; minute: number; dayOfWeek: number }
  /** `dayOfMonth`: 1 to 28, so every month has it. */
  | { frequency: 'monthly'; hour: number; minute: number; dayOfMonth: number };

/** Every choice on the schedule page. `own`: the report's own schedule; `custom`: keep a cron the radios cannot show. */
export type ScheduleChoice = 'own' | 'custom' | 'daily' | 'weekly' | 'monthly' | 'none';

/** Days of the week in the order a UK reader expects, with their cron numbers. */
export const WEEKDAYS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Monday' },
  { value: 2, label: 'Tuesday' },
  { value: 3, label: 'Wednesday' },
  { value: 4, label: 'Thursday' },
  { value: 5, label: 'Friday' },
  { value: 6, label: 'Saturday' },
  { value: 0, label: 'Sunday' },
];

/** The last day of the month offered: every month has it. */
export const LAST_DAY_OF_MONTH = 28;

/** The cron expression of a schedule chosen with the radios. */
export function toCron(schedule: RepeatingSchedule): string {
  const { minute, hour } = schedule;
  switch (schedule.frequency) {
    case 'daily':
      return `${minute} ${hour} * * *`;
    case 'weekly':
      return `${minute} ${hour} * * ${schedule.dayOfWeek}`;
    case 'monthly':
      return `${minute} ${hour} ${schedule.dayOfMonth} * *`;
  }
}

/**
 * The radios' reading of a cron expression, or null when it is some other schedule (a list, a
 * range, a step, a day past the 28th, a named day): those are shown as a custom schedule.
 */
export function fromCron(cron: string | null | undefined): RepeatingSchedule | null {
  if (!cron) return null;
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [m, h, dom, month, dow] = fields as [string, string, string, string, string];
  const minute = whole(m, 0, 59);
  const hour = whole(h, 0, 23);
  if (minute === null || hour === null || month !== '*') return null;
  if (dom === '*' && dow === '*') return { frequency: 'daily', hour, minute };
  if (dom === '*') {
    const day = whole(dow, 0, 7);
    return day === null ? null : { frequency: 'weekly', hour, minute, dayOfWeek: day % 7 };
  }
  if (dow === '*') {
    const day = whole(dom, 1, LAST_DAY_OF_MONTH);
    return day === null ? null : { frequency: 'monthly', hour, minute, dayOfMonth: day };
  }
  return null;
}

/** "Every Monday at 7:30am", "Every month on the 1st at 6am"; null for a custom schedule. */
export function describeCron(cron: string | null | undefined): string | null {
  const schedule = fromCron(cron);
  if (!schedule) return null;
  const at = timeWords(schedule.hour, schedule.minute);
  switch (schedule.frequency) {
    case 'daily':
      return `Every day at ${at}`;
    case 'weekly':
      return `Every ${WEEKDAYS.find((d) => d.value === schedule.dayOfWeek)!.label} at ${at}`;
    case 'monthly':
      return `Every month on the ${ordinal(schedule.dayOfMonth)} at ${at}`;
  }
}

/** A schedule in words: the radios' reading, else "a custom schedule: <cron>". */
export function scheduleWords(cron: string): string {
  return describeCron(cron) ?? `A custom schedule: ${cron}`;
}

/** A time in GOV.UK style: "6am", "7:30am", "5:45pm", "midday", "midnight". */
export function timeWords(hour: number, minute: number): string {
  if (minute === 0 && hour === 0) return 'midnight';
  if (minute === 0 && hour === 12) return 'midday';
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
}

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** "1 December 2026 at 6am" in UK time, for an instant the core sent. */
export function nextRunWords(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = LONDON_TIME.formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return `${LONDON_DATE.format(at)} at ${timeWords(part('hour') % 24, part('minute'))}`;
}

/** What the manager has entered on the schedule page, as typed. */
export interface ScheduleInput {
  choice: ScheduleChoice | '';
  hour: string;
  minute: string;
  /** Cron day of the week, as the select's value. */
  dayOfWeek: string;
  dayOfMonth: string;
}

/** Ids of the page's fields, which the error summary links to. */
export const SCHEDULE_FIELDS = {
  choice: 'schedule-choice',
  dayOfWeek: 'schedule-day-of-week',
  dayOfMonth: 'schedule-day-of-month',
  hour: 'schedule-hour',
  minute: 'schedule-minute',
} as const;

/**
 * The page's starting values for a schedule the core reports. The time and days are filled in
 * from the cron in force (or the report's own), so switching radios starts from something sensible.
 */
export function inputFor(schedule: {
  cron: string | null;
  defaultCron: string | null;
  enabled: boolean;
}): ScheduleInput {
  const known = fromCron(schedule.cron) ?? fromCron(schedule.defaultCron);
  const values: ScheduleInput = {
    choice: 'none',
    hour: known ? String(known.hour) : '',
    minute: known ? String(known.minute).padStart(2, '0') : '',
    dayOfWeek: known?.frequency === 'weekly' ? String(known.dayOfWeek) : '1',
    dayOfMonth: known?.frequency === 'monthly' ? String(known.dayOfMonth) : '',
  };
  if (!schedule.enabled || !schedule.cron) return values;
  if (schedule.defaultCron && schedule.cron === schedule.defaultCron) return { ...values, choice: 'own' };
  return { ...values, choice: fromCron(schedule.cron)?.frequency ?? 'custom' };
}

/** The body of `PUT /api/reports/:reportId/schedule`: only what the page changes (fixed parameters are kept). */
export interface ScheduleUpdate {
  cron?: string | null;
  enabled: boolean;
}

/**
 * Checks what was entered and builds the update, or lists the problems (GOV.UK wording).
 * `current` is the cron in force, kept when the manager keeps a custom schedule.
 */
export function checkSchedule(
  input: ScheduleInput,
  current: string | null,
): { update: ScheduleUpdate | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (fieldId: string, message: string) => problems.push({ fieldId, message });
  switch (input.choice) {
    case '':
      fail(SCHEDULE_FIELDS.choice, 'Select how often the report is produced');
      return { update: null, problems };
    case 'none':
      return { update: { enabled: false }, problems };
    case 'own':
      return { update: { cron: null, enabled: true }, problems };
    case 'custom':
      if (!current) {
        fail(SCHEDULE_FIELDS.choice, 'Select how often the report is produced');
        return { update: null, problems };
      }
      return { update: { cron: current, enabled: true }, problems };
  }
  let dayOfWeek = 1;
  let dayOfMonth = 1;
  if (input.choice === 'weekly') {
    const day = whole(input.dayOfWeek, 0, 6);
    if (day === null) fail(SCHEDULE_FIELDS.dayOfWeek, 'Select the day of the week');
    else dayOfWeek = day;
  }
  if (input.choice === 'monthly') {
    const raw = input.dayOfMonth.trim();
    const day = whole(raw, 1, LAST_DAY_OF_MONTH);
    if (raw === '') fail(SCHEDULE_FIELDS.dayOfMonth, 'Enter the day of the month');
    else if (day === null)
      fail(SCHEDULE_FIELDS.dayOfMonth, `Day of the month must be a number from 1 to ${LAST_DAY_OF_MONTH}`);
    else dayOfMonth = day;
  }
  const hourText = input.hour.trim();
  const minuteText = input.minute.trim();
  const hour = whole(hourText, 0, 23);
  const minute = whole(minuteText, 0, 59);
  if (hourText === '' && minuteText === '') fail(SCHEDULE_FIELDS.hour, 'Enter the time the report is produced');
  else if (hourText === '') fail(SCHEDULE_FIELDS.hour, 'Time must include an hour');
  else if (minuteText === '') fail(SCHEDULE_FIELDS.minute, 'Time must include a minute');
  else if (hour === null) fail(SCHEDULE_FIELDS.hour, 'Hour must be a number from 0 to 23');
  else if (minute === null) fail(SCHEDULE_FIELDS.minute, 'Minute must be a number from 0 to 59');
  if (problems.length || hour === null || minute === null) return { update: null, problems };
  const schedule: RepeatingSchedule =
    input.choice === 'daily'
      ? { frequency: 'daily', hour, minute }
      : input.choice === 'weekly'
        ? { frequency: 'weekly', hour, minute, dayOfWeek }
        : { frequency: 'monthly', hour, minute, dayOfMonth };
  return { update: { cron: toCron(schedule), enabled: true }, problems };
}

/** The core's 400 errors placed on the page's fields: cron and enabled on the choice, others listed unlinked. */
export function scheduleServerProblems(errors: readonly ApiFieldError[]): FieldProblem[] {
  return errors.map((e) => ({
    fieldId: e.path === 'cron' || e.path === 'enabled' ? SCHEDULE_FIELDS.choice : '',
    message: e.message,
  }));
}

/** Which field an error is shown beside: the time's problem is on the hour or the minute. */
export function problemOn(problems: readonly FieldProblem[], ...fieldIds: string[]): string | null {
  return problems.find((p) => fieldIds.includes(p.fieldId))?.message ?? null;
}

function whole(text: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}
