import { ApiFieldError } from '../../core/api/api-error';
import { User } from '../../core/auth/user.model';
import { ReferenceRow } from '../../core/reference/reference.service';
import type { DateTimePart, DateTimeParts } from '../../core/ui/date-input';
import { FieldProblem } from '../../core/ui/error-summary';
import { GrantCoverRequest } from './team-cover.service';
import { COVER_FIELDS, REASON_MAX, TEAM_COVER_MESSAGES as M } from './team-cover.messages';

/** Plain TypeScript behind the team cover form (no Angular), so it can be tested alone. */

/** The boxes of a date and time: day, month, year, then hour and minute (24-hour clock, UK time). */
export type { DateTimePart, DateTimeParts } from '../../core/ui/date-input';

/** The boxes in the order they are shown. */
export const PARTS: readonly DateTimePart[] = ['day', 'month', 'year', 'hour', 'minute'];

/** What the manager has entered. */
export interface CoverInput {
  username: string;
  teamId: string;
  from: DateTimeParts;
  to: DateTimeParts;
  reason: string;
}

/** A problem on the form; for a date and time, the boxes at fault (all of them when not given). */
export interface CoverProblem extends FieldProblem {
  parts?: readonly DateTimePart[];
}

/** Empty date and time boxes. */
export function emptyParts(): DateTimeParts {
  return { day: '', month: '', year: '', hour: '', minute: '' };
}

/** An empty form. */
export function emptyCover(): CoverInput {
  return { username: '', teamId: '', from: emptyParts(), to: emptyParts(), reason: '' };
}

/** Checks the entries as GOV.UK asks (required answers, real dates and times) and builds the request. */
export function checkCover(input: CoverInput): { request: GrantCoverRequest | null; problems: CoverProblem[] } {
  const problems: CoverProblem[] = [];
  const username = input.username.trim();
  const reason = input.reason.trim();
  if (!username) problems.push({ fieldId: COVER_FIELDS.username, message: M.usernameRequired });
  if (!input.teamId) problems.push({ fieldId: COVER_FIELDS.teamId, message: M.teamRequired });
  const from = dateTimeValue(COVER_FIELDS.validFrom, 'The start', input.from, null);
  const to = dateTimeValue(COVER_FIELDS.validTo, 'The end', input.to, M.endRequired);
  for (const result of [from, to]) if ('problem' in result) problems.push(result.problem);
  if (!reason) problems.push({ fieldId: COVER_FIELDS.reason, message: M.reasonRequired });
  else if (reason.length > REASON_MAX) problems.push({ fieldId: COVER_FIELDS.reason, message: M.reasonTooLong });
  if (problems.length || !('value' in to) || !to.value || !('value' in from)) return { request: null, problems };
  const request: GrantCoverRequest = { username, teamId: input.teamId, validTo: to.value, reason };
  if (from.value) request.validFrom = from.value;
  return { request, problems };
}

/** Places the core's 400 errors on the inputs they are about; others (`kind`) go unlinked. */
export function coverServerProblems(errors: readonly ApiFieldError[]): CoverProblem[] {
  return errors.map((e) => {
    const id = (COVER_FIELDS as Record<string, string>)[e.path];
    if (!id) return { fieldId: '', message: e.message };
    const isDate = id === COVER_FIELDS.validFrom || id === COVER_FIELDS.validTo;
    return { fieldId: isDate ? `${id}-day` : id, message: e.message };
  });
}

/** The problem shown beside an input or a date and time (by its id), if any. */
export function problemOn(problems: readonly CoverProblem[], id: string): CoverProblem | null {
  return problems.find((p) => p.fieldId === id || p.fieldId.startsWith(`${id}-`)) ?? null;
}

/**
 * The teams offered: every team for an admin, the teams of a manager's own command otherwise
 * (the core refuses the rest), by name.
 */
export function teamChoices(rows: readonly ReferenceRow[], user: User | null): { value: string; label: string }[] {
  const everything = !!user?.roles.includes('admin');
  const command = rows.find((r) => r.id === user?.teamId)?.attributes?.['command'];
  const list =
    everything || typeof command !== 'string' ? rows : rows.filter((r) => r.attributes?.['command'] === command);
  return list.map((r) => ({ value: r.id, label: r.label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The instant (ISO 8601) of a date and time on the clocks in the UK (Europe/London, BST in summer). */
export function ukTimeToIso(year: number, month: number, day: number, hour: number, minute: number): string {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - londonOffset(wall);
  // Near a clock change the offset at the guess may differ from the offset at the answer.
  const again = wall - londonOffset(instant);
  if (again !== instant) instant = again;
  return new Date(instant).toISOString();
}

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** How far UK clocks are ahead of UTC at an instant, in milliseconds. */
function londonOffset(instant: number): number {
  const parts = Object.fromEntries(london.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const shown = Date.UTC(+parts['year']!, +parts['month']! - 1, +parts['day']!, +parts['hour']!, +parts['minute']!);
  return shown - Math.floor(instant / 60_000) * 60_000;
}

type Checked = { value: string | null } | { problem: CoverProblem };

function dateTimeValue(id: string, subject: string, raw: DateTimeParts, required: string | null): Checked {
  const parts = Object.fromEntries(PARTS.map((p) => [p, raw[p].trim()])) as unknown as DateTimeParts;
  const at = (message: string, bad: readonly DateTimePart[] = PARTS): Checked => ({
    problem: { fieldId: `${id}-${bad[0]}`, message, parts: bad },
  });
  const missing = PARTS.filter((p) => !parts[p]);
  if (missing.length === PARTS.length) return required ? at(required) : { value: null };
  if (missing.length) return at(M.mustInclude(subject, missingWords(missing)), missing);
  if (!/^\d{4}$/.test(parts.year)) return at(M.yearDigits(subject), ['year']);
  const [day, month, year, hour, minute] = PARTS.map((p) => (/^\d{1,2}$|^\d{4}$/.test(parts[p]) ? +parts[p] : NaN));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  const realDate =
    year! >= 2000 && date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  if (!realDate) return at(M.realDate(subject), ['day', 'month', 'year']);
  if (!(hour! >= 0 && hour! <= 23 && minute! >= 0 && minute! <= 59)) return at(M.realTime(subject), ['hour', 'minute']);
  return { value: ukTimeToIso(year!, month!, day!, hour!, minute!) };
}

/** "a month and year", "an hour and minute": the missing boxes in words, GOV.UK style. */
function missingWords(missing: readonly DateTimePart[]): string {
  const words = [...missing] as string[];
  const first = `${words[0] === 'hour' ? 'an' : 'a'} ${words[0]}`;
  if (words.length === 1) return first;
  return `${[first, ...words.slice(1, -1)].join(', ')} and ${words.at(-1)}`;
}
