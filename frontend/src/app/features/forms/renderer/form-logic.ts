/**
 * The renderer's plain-TypeScript logic (no Angular): how the shell turns what the officer
 * typed into answers, decides what is shown, and validates with the shared engine exactly as
 * the server does. Kept framework-free so unit tests and the browser replay of the shared
 * form-case table exercise this very code.
 */
import {
  compileCondition,
  compileForm,
  parsePath,
  readonlyFields,
  validateAnswers,
  type Answers,
  type AttachmentLookup,
  type CompiledCondition,
  type CompiledField,
  type Component,
  type Condition,
  type Env,
  type FormDefinition,
  type FormError,
  type ReferenceLookup,
  type Scope,
  type TermDictionary,
} from '../../../core/forms/engine';

/** Reference sets any field of the form reads (the lists the renderer fetches for it). */
export function referenceSets(form: FormDefinition, terms: TermDictionary): string[] {
  const sets = new Set<string>();
  const visit = (fields: CompiledField[]): void => {
    for (const f of fields) {
      if (f.reference) sets.add(f.reference);
      if (f.children) visit(f.children.fields);
    }
  };
  visit(compileForm(form, terms).root.fields);
  return [...sets];
}

/** Time zone every form is judged in (the engine's default). */
export const FORM_TIME_ZONE = 'Europe/London';

/** The parts of a GOV.UK date input (and the time of a date-time). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
  /** Only for date-time fields: "14:30". */
  time?: string;
}

/** What the officer typed into date inputs, keyed by answer path; kept beside the answers. */
export type DatePartsMap = Record<string, DateParts>;

/** Options the shell validates with: the same dictionary and a lookup over fetched rows. */
export interface ShellValidationOptions {
  terms: TermDictionary;
  reference: ReferenceLookup;
  now: Date;
  workflow?: string;
  allowRetired?: boolean;
  /** The form's uploads, once the core has listed them. */
  attachments?: AttachmentLookup;
  /** The read-only questions' pre-filled answers, once the core has given them (as the server validates with). */
  prefilled?: Answers;
}

/**
 * Answers without those of read-only questions: the core fills those in from its pre-fill (a
 * draft may hold an older one, and the officer cannot change them), and the renderer shows
 * them from `prefilled`.
 */
export function withoutReadonly(form: FormDefinition, terms: TermDictionary, answers: Answers): Answers {
  const names = readonlyFields(form, terms);
  if (names.length === 0) return answers;
  const out = { ...answers };
  for (const name of names) delete out[name];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paths and ids

/** The DOM id of the input an answer path is entered in (`items[1].quantity` → `f-items-1-quantity`). */
export function fieldId(path: string): string {
  return path ? 'f-' + path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-') : '';
}

/** A copy of `answers` with `value` written at `path` (creating lists and items on the way). */
export function writePath(answers: Answers, path: string, value: unknown): Answers {
  const parts = parsePath(path);
  const write = (node: unknown, i: number): unknown => {
    const key = parts[i]!;
    const last = i === parts.length - 1;
    if (typeof key === 'number') {
      const list = Array.isArray(node) ? [...(node as unknown[])] : [];
      list[key] = last ? value : write(list[key], i + 1);
      return list;
    }
    const obj: Record<string, unknown> =
      node && typeof node === 'object' && !Array.isArray(node) ? { ...(node as Answers) } : {};
    if (last) {
      if (value === undefined) delete obj[key];
      else obj[key] = value;
    } else obj[key] = write(obj[key], i + 1);
    return obj;
  };
  return write(answers, 0) as Answers;
}

// ---------------------------------------------------------------------------------------------
// Dates

const TIME_TEXT = /^(\d{1,2})[:.](\d{2})$/;

/** Splits a stored answer (`2026-04-12` or `2026-04-12T14:30`) into date-input parts. */
export function splitDate(value: unknown, withTime: boolean): DateParts {
  const empty: DateParts = withTime ? { day: '', month: '', year: '', time: '' } : { day: '', month: '', year: '' };
  if (typeof value !== 'string') return empty;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (!m) return empty;
  const parts: DateParts = { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
  if (withTime) parts.time = m[4] ?? '';
  return parts;
}

/**
 * Joins date-input parts into the answer the engine reads: `yyyy-mm-dd` (plus `THH:mm` for a
 * date-time), or undefined when nothing was entered or a part is missing (the missing part is
 * reported by `datePartsError`). Whatever was typed is passed on, so the engine says when it
 * is not a real date.
 */
export function joinDate(parts: DateParts | undefined, withTime: boolean): string | undefined {
  if (!parts || missingParts(parts, withTime).length > 0) return undefined;
  const day = parts.day.trim().padStart(2, '0');
  const month = parts.month.trim().padStart(2, '0');
  const date = `${parts.year.trim()}-${month}-${day}`;
  if (!withTime) return date;
  const time = (parts.time ?? '').trim();
  const t = TIME_TEXT.exec(time);
  return `${date}T${t ? `${t[1]!.padStart(2, '0')}:${t[2]}` : time}`;
}

function missingParts(parts: DateParts, withTime: boolean): string[] {
  const missing: string[] = [];
  if (!parts.day.trim()) missing.push('day');
  if (!parts.month.trim()) missing.push('month');
  if (!parts.year.trim()) missing.push('year');
  if (withTime && !(parts.time ?? '').trim()) missing.push('time');
  return missing;
}

/** Whether nothing at all was typed into the parts. */
export function datePartsEmpty(parts: DateParts | undefined): boolean {
  return !parts || [parts.day, parts.month, parts.year, parts.time ?? ''].every((p) => !p.trim());
}

/**
 * The GOV.UK message for an incomplete date input ("Date of birth must include a month",
 * "… must include a day and year"), or for a year not written with 4 numbers; null when the
 * parts are complete (or all blank: then the engine decides whether an answer is required).
 */
export function datePartsError(parts: DateParts | undefined, withTime: boolean, errorName: string): string | null {
  if (datePartsEmpty(parts)) return null;
  const missing = missingParts(parts!, withTime);
  const name = displayName(errorName);
  if (missing.length > 0) {
    const list =
      missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    return `${name} must include a ${list}`;
  }
  if (!/^\d{4}$/.test(parts!.year.trim())) return 'Year must include 4 numbers';
  return null;
}

/** "the date of birth" → "Date of birth", like the engine's {Name}. */
export function displayName(errorName: string): string {
  const bare = errorName.replace(/^(the|a|an|your) /i, '');
  return bare ? bare[0]!.toUpperCase() + bare.slice(1) : bare;
}

// ---------------------------------------------------------------------------------------------
// Visibility

/** Which compiled field belongs to each component, and compiled conditions of content blocks. */
export interface FormIndex {
  form: FormDefinition;
  terms: TermDictionary;
  fieldOf: Map<object, CompiledField>;
  /** The scope each component sits in (for content-block conditions). */
  scopeOf: Map<object, Scope>;
  contentConditions: Map<object, CompiledCondition | null>;
}

/** Indexes a form for rendering; cheap after the first call (the engine caches compilation). */
export function indexForm(form: FormDefinition, terms: TermDictionary): FormIndex {
  const compiled = compileForm(form, terms);
  const fieldOf = new Map<object, CompiledField>();
  const scopeOf = new Map<object, Scope>();
  const visit = (scope: Scope): void => {
    for (const field of scope.fields) {
      fieldOf.set(field.source, field);
      if (field.children) visit(field.children);
    }
  };
  visit(compiled.root);
  const place = (components: Component[] | undefined, scope: Scope): void => {
    for (const component of components ?? []) {
      scopeOf.set(component, scope);
      const field = fieldOf.get(component);
      if (field?.children) place((component as { components?: Component[] }).components, field.children);
    }
  };
  for (const page of form.pages) place(page.components, compiled.root);
  return { form, terms, fieldOf, scopeOf, contentConditions: new Map() };
}

/** An evaluation environment for conditions and calculations over cleaned answers. */
export function rootEnv(values: Answers): Env {
  return { values, prefix: '', run: { timeZone: FORM_TIME_ZONE, errored: new Set() } };
}

/** The environment of one group item (`prefix` like `items[0].`). */
export function itemEnv(parent: Env, values: Answers, prefix: string): Env {
  return { values, prefix, parent, run: parent.run };
}

/** Whether a component is shown in this environment (page visibility is decided by the caller). */
export function isShown(index: FormIndex, component: Component, env: Env): boolean {
  const field = index.fieldOf.get(component);
  if (field) return !field.condition || field.condition(env);
  const condition = (component as { show_when?: Condition }).show_when;
  if (condition === undefined) return true;
  let compiled = index.contentConditions.get(component);
  if (compiled === undefined) {
    const scope = index.scopeOf.get(component);
    compiled = scope ? compileCondition(condition, scope, undefined, 'content', { problems: [] }) : null;
    index.contentConditions.set(component, compiled);
  }
  return compiled ? compiled(env) : true;
}

// ---------------------------------------------------------------------------------------------
// From typed input to answers, and validation

/**
 * The answers to send: date parts joined in, and answers to questions that are not shown
 * left out (the officer may have answered them before changing an earlier answer).
 * Visibility is judged as the engine judges it: on the cleaned answers.
 */
export function answersToSend(
  form: FormDefinition,
  answers: Answers,
  parts: DatePartsMap,
  options: ShellValidationOptions,
): Answers {
  const joined = joinAllDates(form, answers, parts, options.terms);
  const cleaned = validateAnswers(form, joined, { ...options, mode: 'draft', timeZone: FORM_TIME_ZONE }).answers;
  const compiled = compileForm(form, options.terms);
  const env = rootEnv(cleaned);
  const out: Answers = {};
  for (const page of compiled.pages) {
    if (page.condition && !page.condition(env)) continue;
    for (const field of page.fields) copyShown(field, joined, out, env);
  }
  return out;
}

function copyShown(field: CompiledField, raw: Answers, out: Answers, env: Env): void {
  if (field.kind === 'calculated') return;
  if (field.condition && !field.condition(env)) return;
  if (!Object.hasOwn(raw, field.name)) return;
  const value = raw[field.name];
  if (field.kind !== 'group' || !Array.isArray(value)) {
    out[field.name] = value;
    return;
  }
  const cleanedItems = (env.values[field.name] as Answers[] | undefined) ?? [];
  out[field.name] = value.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item as unknown;
    const itemOut: Answers = {};
    const e = itemEnv(env, cleanedItems[i] ?? {}, `${env.prefix}${field.name}[${i}].`);
    for (const child of field.children!.fields) copyShown(child, item as Answers, itemOut, e);
    return itemOut;
  });
}

/** Answers with every date input's parts joined in at its path. */
export function joinAllDates(
  form: FormDefinition,
  answers: Answers,
  parts: DatePartsMap,
  terms: TermDictionary,
): Answers {
  let out = answers;
  const kinds = dateKinds(form, terms);
  for (const [path, p] of Object.entries(parts)) {
    const kind = kinds.get(path.replace(/\[\d+\]/g, '[]'));
    if (!kind) continue;
    out = writePath(out, path, joinDate(p, kind === 'date-time'));
  }
  return out;
}

/** Date and date-time fields by path pattern (`items[].when`). */
function dateKinds(form: FormDefinition, terms: TermDictionary): Map<string, 'date' | 'date-time'> {
  const kinds = new Map<string, 'date' | 'date-time'>();
  const visit = (scope: Scope, prefix: string): void => {
    for (const f of scope.fields) {
      if (f.kind === 'date' || f.kind === 'date-time') kinds.set(prefix + f.name, f.kind);
      if (f.children) visit(f.children, `${prefix}${f.name}[].`);
    }
  };
  visit(compileForm(form, terms).root, '');
  return kinds;
}

/** Errors for incomplete date inputs of shown questions, by path. */
export function datePartErrors(
  form: FormDefinition,
  answers: Answers,
  parts: DatePartsMap,
  options: ShellValidationOptions,
): FormError[] {
  const sent = answersToSend(form, answers, parts, options);
  const compiled = compileForm(form, options.terms);
  const errors: FormError[] = [];
  for (const [path, p] of Object.entries(parts)) {
    const field = fieldAtPath(compiled.root, path);
    if (!field || (field.kind !== 'date' && field.kind !== 'date-time')) continue;
    if (!shownPath(sent, path)) continue;
    const message = datePartsError(p, field.kind === 'date-time', field.errorName);
    if (message) errors.push({ path, message });
  }
  return errors;
}

/** Whether the question at a path is still shown (its item exists, its group and page shown). */
function shownPath(sent: Answers, path: string): boolean {
  const parts = parsePath(path);
  let node: unknown = sent;
  for (let i = 0; i < parts.length - 1; i++) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[parts[i]!];
  }
  return node !== null && typeof node === 'object';
}

/** The compiled field at an answer path (`items[1].quantity`). */
export function fieldAtPath(root: Scope, path: string): CompiledField | undefined {
  let scope: Scope | undefined = root;
  let field: CompiledField | undefined;
  for (const part of parsePath(path)) {
    if (typeof part === 'number') continue;
    field = scope?.byName.get(part);
    if (!field) return undefined;
    scope = field.children;
  }
  return field;
}

/**
 * The shell's validation: the engine's errors for the answers as they will be sent, with an
 * incomplete date input's GOV.UK message in place of the engine's message for that path.
 * `pageId` limits the result to one page (the "Continue" check); otherwise the whole form.
 */
export function validateForShell(
  form: FormDefinition,
  answers: Answers,
  parts: DatePartsMap,
  options: ShellValidationOptions & { mode: 'submit' | 'draft'; pageId?: string; keepHidden?: boolean },
): { errors: FormError[]; answers: Answers; sent: Answers } {
  const sent = options.keepHidden
    ? joinAllDates(form, answers, parts, options.terms)
    : answersToSend(form, answers, parts, options);
  const result = validateAnswers(form, sent, { ...options, timeZone: FORM_TIME_ZONE });
  const partErrors = datePartErrors(form, answers, parts, options);
  const byPath = new Map(partErrors.map((e) => [e.path, e]));
  const errors: FormError[] = [];
  for (const e of result.errors) {
    if (!byPath.has(e.path)) errors.push(e);
    else if (!errors.some((x) => x.path === e.path)) errors.push(byPath.get(e.path)!);
  }
  for (const e of partErrors) if (!errors.includes(e)) errors.push(e);
  const names = options.pageId
    ? new Set(
        compileForm(form, options.terms)
          .pages.find((p) => p.id === options.pageId)
          ?.fields.map((f) => f.name) ?? [],
      )
    : null;
  return { errors: names ? errors.filter((e) => names.has(rootName(e.path))) : errors, answers: result.answers, sent };
}

/** The top-level field name of a path. */
export function rootName(path: string): string {
  const cut = path.search(/[.[]/);
  return cut < 0 ? path : path.slice(0, cut);
}

// ---------------------------------------------------------------------------------------------
// Errors to links

/** One error as the error summary shows it: where it is, and which page holds it. */
export interface LocatedError {
  path: string;
  message: string;
  /** DOM id of the input to focus; '' when the error is not about one question. */
  fieldId: string;
  /** The page holding the question; undefined when the path is not a question of this form. */
  pageId?: string;
}

/**
 * Places errors (the engine's, or the server's 400 `errors`) on pages and fields. A path of a
 * group item's question (`items[1].quantity`) points at that input; a path of a whole group at
 * its "Add" button; a path that is not a question (`""`, `answers`, `linkedTo[0]`) at nothing.
 */
export function locateErrors(
  form: FormDefinition,
  terms: TermDictionary,
  errors: readonly { path: string; message: string }[],
): LocatedError[] {
  const compiled = compileForm(form, terms);
  return errors.map((e) => {
    const field = e.path ? fieldAtPath(compiled.root, e.path) : undefined;
    if (!field) return { path: e.path, message: e.message, fieldId: '' };
    const top = compiled.root.byName.get(rootName(e.path));
    const id = fieldId(e.path);
    const focus =
      field.kind === 'date' || field.kind === 'date-time'
        ? `${id}-day`
        : field.kind === 'group' && /\]$/.test(e.path)
          ? id
          : field.kind === 'group'
            ? `${id}-add`
            : id;
    return { path: e.path, message: e.message, fieldId: focus, pageId: top?.page.id };
  });
}
