import { compileForm } from './compile.js';
import { DEFAULT_TIME_ZONE, dayNumber, isoFromDayNumber, wallParts } from './dates.js';
import type { Answers, TermDictionary } from './engine-types.js';
import type { FormDefinition } from './form-types.js';
import { readPath } from './paths.js';

/**
 * The signed-in officer as pre-fill reads them (`PREFILL_SOURCES` lists the `user.…` sources):
 * their account or token's claims, and what their latest staff profile records.
 */
export interface PrefillUser {
  givenName?: string | null;
  familyName?: string | null;
  displayName?: string | null;
  username?: string | null;
  email?: string | null;
  grade?: string | null;
  /** The officer's home team. */
  teamId?: string | null;
  /** The officer's usual location (a `ports` id). */
  location?: string | null;
  lineManagerName?: string | null;
  lineManagerEmail?: string | null;
  /** The people who can act for the officer: items for a repeating group. */
  delegates?: readonly Answers[] | null;
}

/** What answers may be pre-filled from. */
export interface PrefillContext {
  /** The signed-in officer (`user.displayName`, `user.email`, `user.grade`, …). */
  user?: PrefillUser;
  /** The officer's current shift (`shift.location`, `shift.teamId`). */
  shift?: Record<string, unknown>;
  /** Answers of a linked case (`linked.<path>`, e.g. `linked.persons[0].familyName`). */
  linked?: Answers;
  /** The current time, for `today` (yyyy-mm-dd) and `now` (yyyy-mm-ddTHH:mm, local). */
  now: Date;
  timeZone?: string;
}

/**
 * Fills unanswered top-level fields that declare `prefill: { from }` from the context.
 * Existing answers are never overwritten; sources that give nothing are skipped.
 */
export function prefill(
  form: FormDefinition,
  context: PrefillContext,
  terms: TermDictionary,
  answers: Answers = {},
): Answers {
  const out: Answers = { ...answers };
  for (const field of compileForm(form, terms).root.fields) {
    const from = (field.source as { prefill?: { from?: unknown } }).prefill?.from;
    if (typeof from !== 'string' || out[field.name] !== undefined) continue;
    const value = resolveSource(from, context);
    if (value === undefined || value === null) continue;
    if (field.kind !== 'group') out[field.name] = value;
    else {
      const items = groupItems(field.children!.byName, value);
      if (items.length) out[field.name] = items;
    }
  }
  return out;
}

/** A list source's items as a group's answer: only the group's own questions, items with none left out. */
function groupItems(questions: ReadonlyMap<string, unknown>, value: unknown): Answers[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const kept = Object.entries(item).filter(([key, v]) => questions.has(key) && v !== undefined && v !== null);
    return kept.length ? [Object.fromEntries(kept)] : [];
  });
}

function resolveSource(from: string, context: PrefillContext): unknown {
  const timeZone = context.timeZone ?? DEFAULT_TIME_ZONE;
  if (from === 'today' || from === 'now') {
    const w = wallParts(context.now.getTime(), timeZone);
    const date = isoFromDayNumber(dayNumber(w.year, w.month, w.day)!);
    return from === 'today' ? date : `${date}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  }
  const dot = from.indexOf('.');
  if (dot < 0) return undefined;
  const source = from.slice(0, dot);
  const rest = from.slice(dot + 1);
  if (source === 'user') return readPath(context.user as Answers | undefined, rest);
  if (source === 'shift') return readPath(context.shift, rest);
  if (source === 'linked') return readPath(context.linked, rest);
  return undefined;
}

/** Names of the form's read-only questions (top-level, pre-filled from the officer or their shift). */
export function readonlyFields(form: FormDefinition, terms: TermDictionary): string[] {
  return compileForm(form, terms)
    .root.fields.filter((f) => f.readonly)
    .map((f) => f.name);
}

/**
 * The pre-filled answers of the form's read-only questions, picked from what `prefill` gave:
 * the `prefilled` option of validation. A question whose source gave nothing is left out (it
 * then has no answer, and any answer sent for it is refused).
 */
export function readonlyPrefill(form: FormDefinition, terms: TermDictionary, prefilled: Answers): Answers {
  const out: Answers = {};
  for (const name of readonlyFields(form, terms))
    if (Object.hasOwn(prefilled, name) && prefilled[name] !== undefined) out[name] = prefilled[name];
  return out;
}
