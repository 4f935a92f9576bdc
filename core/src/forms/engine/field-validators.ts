import type { Bound, CompiledField, Env } from './compiled-types.js';
import { comparable } from './conditions.js';
import { displayDate, displayDateTime, parseDateTime, parseIsoDate, parseTime, todayNumber } from './dates.js';
import type { AttachmentLookup, ReferenceLookup } from './engine-types.js';
import { checkFileAnswer } from './files.js';
import { formatText } from './format.js';
import type { MessageKey } from './form-types.js';
import { formatMessage, pickTemplate, type MessageParams } from './messages.js';
import { canonicalTermValue } from './normalise.js';

const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;
const TYPE_DEFAULTS: Partial<Record<string, MessageKey>> = {
  number: 'number',
  date: 'date',
  time: 'time',
  'date-time': 'dateTime',
  radios: 'option',
  select: 'option',
  autocomplete: 'option',
  checkboxes: 'option',
  file: 'file',
};

/** What a field validator needs to know about the run. */
export interface CheckContext {
  reference: ReferenceLookup;
  now: Date;
  timeZone: string;
  workflow: string;
  allowRetired: boolean;
  maxStringLength: number;
  /** Whether this is a submission (not a draft). */
  submit: boolean;
  attachments?: AttachmentLookup;
  /** File ids used so far in this run. */
  usedFiles: Set<string>;
}

/** A cleaned value, or the message explaining why the answer is wrong. */
export type Checked = { ok: true; value: unknown } | { ok: false; message: string };

/** The message for a key, with the field's noun phrase and any extra parameters. */
export function fieldMessage(field: CompiledField, key: MessageKey, extra?: Partial<MessageParams>): string {
  let template = pickTemplate(key, field.messages);
  if (key === 'type' && !field.messages.type) {
    const fallback =
      field.reference && TYPE_DEFAULTS[field.kind] === 'option' ? 'reference' : TYPE_DEFAULTS[field.kind];
    if (fallback) template = pickTemplate(fallback, field.messages);
    else if (field.kind === 'yes-no')
      template = pickTemplate('required', field.messages); // anything but yes/no is no answer
    else if (field.kind === 'group') template = '{Name} must be a list of {itemsName}';
  }
  return formatMessage(template, {
    name: field.errorName,
    itemName: field.itemName,
    itemsName: field.itemsName,
    ...extra,
  });
}

const fail = (field: CompiledField, key: MessageKey, extra?: Partial<MessageParams>): Checked => ({
  ok: false,
  message: fieldMessage(field, key, extra),
});

/** Checks one answered, visible, non-group value against its field. */
export function checkValue(field: CompiledField, raw: unknown, env: Env, ctx: CheckContext): Checked {
  switch (field.kind) {
    case 'number':
      return checkNumber(field, raw);
    case 'yes-no':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'yes' || raw === 'no') return { ok: true, value: raw === 'yes' };
      return fail(field, 'type');
    case 'checkboxes':
      return checkCheckboxes(field, raw, env, ctx);
    case 'file':
      return checkFile(field, raw, ctx);
    default:
  }
  if (typeof raw !== 'string') return fail(field, 'type');
  const text = field.format ? formatText(field.format, raw) : raw.trim();
  const cap = Math.min(field.maxLength ?? ctx.maxStringLength, ctx.maxStringLength);
  if (text.length > cap) return fail(field, 'maxLength', { max: cap });
  switch (field.kind) {
    case 'date':
      return checkDate(field, text, env, ctx);
    case 'date-time':
      return checkDateTime(field, text, env, ctx);
    case 'time':
      return parseTime(text) === undefined ? fail(field, 'time') : { ok: true, value: text.padStart(5, '0') };
    case 'radios':
    case 'select':
    case 'autocomplete':
      return checkChoice(field, text, env, ctx);
    default:
      return checkText(field, canonicalTermValue(field.term, text));
  }
}

/** Checks a text answer (in its term's canonical form, which is what is kept). */
function checkText(field: CompiledField, text: string): Checked {
  if (field.minLength !== undefined && text.length < field.minLength)
    return fail(field, 'minLength', { min: field.minLength });
  if (field.pattern && !field.pattern.test(text)) return fail(field, 'pattern');
  if (field.kind === 'email' && !EMAIL.test(text)) return fail(field, 'email');
  if (field.kind === 'phone' && !PHONE.test(text)) return fail(field, 'phone');
  return { ok: true, value: text };
}

function checkNumber(field: CompiledField, raw: unknown): Checked {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) value = Number(raw);
  else return fail(field, 'type');
  if (!Number.isFinite(value)) return fail(field, 'type');
  if (field.integer && !Number.isInteger(value)) return fail(field, 'integer');
  const { min, max } = field;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    if (min !== undefined && max !== undefined && !field.messages.min && !field.messages.max)
      return fail(field, 'between', { min, max });
    return value < (min ?? -Infinity) ? fail(field, 'min', { min }) : fail(field, 'max', { max });
  }
  return { ok: true, value };
}

function checkChoice(field: CompiledField, value: string, env: Env, ctx: CheckContext): Checked {
  if (field.options && !field.options.has(value)) return fail(field, 'option');
  if (field.reference) {
    const status = ctx.reference.status(field.reference, value, { workflow: ctx.workflow, at: ctx.now });
    if (status === 'unknown') return fail(field, 'reference');
    if (status === 'retired' && !ctx.allowRetired) return fail(field, 'retired');
    // Only the rows of the other answer are offered (terminals of the chosen port), so only they are accepted.
    // When the other answer is itself wrong, its error is the one to fix: this one is not checked against it.
    const filter = field.filter;
    if (filter && !env.run.errored.has(filter.path(env))) {
      const other = filter.value(env);
      if (typeof other !== 'string' || ctx.reference.matchValue(field.reference, value, filter.match) !== other)
        return fail(field, 'filtered', { other: filter.label });
    }
  }
  return { ok: true, value };
}

function checkCheckboxes(field: CompiledField, raw: unknown, env: Env, ctx: CheckContext): Checked {
  if (!Array.isArray(raw) || raw.length > 500) return fail(field, 'type');
  const chosen: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string' || item.length > ctx.maxStringLength) return fail(field, 'type');
    const result = checkChoice(field, item, env, ctx);
    if (!result.ok) return result;
    if (!chosen.includes(item)) chosen.push(item);
  }
  return { ok: true, value: chosen };
}

function checkFile(field: CompiledField, raw: unknown, ctx: CheckContext): Checked {
  const result = checkFileAnswer(field, raw, ctx);
  if (result.ok) return result;
  const { key, file } = result.failure;
  return fail(field, key, { file, max: field.file?.maxFiles });
}

function checkDate(field: CompiledField, text: string, env: Env, ctx: CheckContext): Checked {
  const day = parseIsoDate(text);
  if (day === undefined) return fail(field, 'date');
  if (field.past || field.notFuture || field.future) {
    const today = todayNumber(ctx.now, ctx.timeZone);
    if (field.past && day >= today) return fail(field, 'past');
    if (field.notFuture && day > today) return fail(field, 'notFuture');
    if (field.future && day <= today) return fail(field, 'future');
  }
  return checkBounds(field, day * DAY_MS, text, env, ctx);
}

function checkDateTime(field: CompiledField, text: string, env: Env, ctx: CheckContext): Checked {
  const instant = parseDateTime(text, ctx.timeZone);
  if (instant === undefined) return fail(field, 'dateTime');
  const now = ctx.now.getTime();
  // For a date-time "in the past" and "not in the future" are the same test.
  if ((field.past || field.notFuture) && instant > now)
    return fail(field, field.messages.notFuture && !field.past ? 'notFuture' : 'past');
  if (field.future && instant <= now) return fail(field, 'future');
  return checkBounds(field, instant, text, env, ctx);
}

function checkBounds(field: CompiledField, at: number, text: string, env: Env, ctx: CheckContext): Checked {
  for (const key of ['before', 'after'] as const) {
    const bound = field[key];
    if (!bound) continue;
    const limit = boundValue(bound, env, ctx.timeZone);
    if (limit === undefined) continue;
    if (key === 'before' ? at >= limit : at <= limit)
      return fail(field, key, { date: boundLabel(bound, ctx.timeZone), other: boundLabel(bound, ctx.timeZone) });
  }
  return { ok: true, value: text };
}

function boundValue(bound: Bound, env: Env, timeZone: string): number | undefined {
  return comparable('literal' in bound ? bound.literal : bound.ref(env), timeZone);
}

function boundLabel(bound: Bound, timeZone: string): string {
  if (!('literal' in bound)) return bound.label;
  const day = parseIsoDate(bound.literal);
  if (day !== undefined) return displayDate(day);
  return displayDateTime(parseDateTime(bound.literal, timeZone) ?? 0, timeZone);
}
