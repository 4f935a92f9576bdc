import { compileForm } from './compile.js';
import type { CompiledField, CompiledForm, CompiledRule, Env, Scope } from './compiled-types.js';
import { hasAnswer } from './conditions.js';
import { DEFAULT_TIME_ZONE } from './dates.js';
import type { Answers, EngineLimits, FormError, ValidateOptions, ValidationResult } from './engine-types.js';
import { checkValue, fieldMessage, type CheckContext } from './field-validators.js';
import type { FormDefinition } from './form-types.js';
import { formatMessage, DEFAULT_MESSAGES } from './messages.js';
import { exceedsDepth } from './limits.js';

/** Limits used when the options give none. */
export const DEFAULT_LIMITS: Readonly<EngineLimits> = { maxStringLength: 10_000, maxDepth: 6, maxItems: 200 };

interface Run extends CheckContext {
  maxItems: number;
  prefilled?: Answers;
  errors: FormError[];
  pageVisible: (boolean | undefined)[];
  compiled: CompiledForm;
  env: Env['run'];
}

/**
 * Validates answers against a form. On submit everything is checked; a draft skips
 * required answers, minimum item counts and cross-field rules but still rejects unknown
 * fields, wrong types and bad values. Answers to hidden questions are errors on submit
 * and dropped from a draft. Calculated fields are recomputed, never taken from the client.
 */
export function validateAnswers(form: FormDefinition, answers: unknown, options: ValidateOptions): ValidationResult {
  const compiled = compileForm(form, options.terms);
  const limits = options.limits;
  const run: Run = {
    submit: options.mode === 'submit',
    reference: options.reference,
    now: options.now,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    workflow: options.workflow ?? form.id,
    allowRetired: options.allowRetired === true,
    maxStringLength: limits?.maxStringLength ?? DEFAULT_LIMITS.maxStringLength,
    maxItems: limits?.maxItems ?? DEFAULT_LIMITS.maxItems,
    attachments: options.attachments,
    prefilled: options.prefilled,
    usedFiles: new Set(),
    errors: [],
    pageVisible: [],
    compiled,
    env: { timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, errored: new Set() },
  };
  if (!isPlainObject(answers))
    return { valid: false, errors: [{ path: '', message: 'Answers must be an object' }], answers: {} };
  if (exceedsDepth(answers, limits?.maxDepth ?? DEFAULT_LIMITS.maxDepth)) {
    return { valid: false, errors: [{ path: '', message: 'Answers are nested too deeply' }], answers: {} };
  }
  const cleaned: Answers = {};
  const env: Env = { values: cleaned, prefix: '', run: run.env };
  validateScope(compiled.root, answers, env, run);
  if (run.submit) checkRules(compiled.rules, env, run);
  return { valid: run.errors.length === 0, errors: run.errors, answers: cleaned };
}

/** Validates a submission (mode 'submit'). */
export function validateSubmission(
  form: FormDefinition,
  answers: unknown,
  options: Omit<ValidateOptions, 'mode'>,
): ValidationResult {
  return validateAnswers(form, answers, { ...options, mode: 'submit' });
}

/** Validates a draft (mode 'draft'). */
export function validateDraft(
  form: FormDefinition,
  answers: unknown,
  options: Omit<ValidateOptions, 'mode'>,
): ValidationResult {
  return validateAnswers(form, answers, { ...options, mode: 'draft' });
}

function validateScope(scope: Scope, raw: Record<string, unknown>, env: Env, run: Run): void {
  for (const key in raw) {
    if (!scope.byName.has(key))
      report(run, env.prefix + key, formatMessage(DEFAULT_MESSAGES.unknown, { name: env.prefix + key }));
  }
  const cleaned = env.values;
  for (const field of scope.fields) {
    let value = Object.hasOwn(raw, field.name) ? raw[field.name] : undefined;
    const path = env.prefix + field.name;
    if (!isVisible(field, env, run)) {
      // A pre-filled question's answer came from the platform (an API client sends back what
      // GET …/prefill gave it): when the question is not shown it is dropped, not an error.
      if (run.submit && hasAnswer(value) && field.kind !== 'calculated' && !declaresPrefill(field))
        report(run, path, fieldMessage(field, 'hidden'));
      continue;
    }
    if (field.readonly && run.prefilled && !env.parent) {
      const fixed = Object.hasOwn(run.prefilled, field.name) ? run.prefilled[field.name] : undefined;
      if (hasAnswer(value) && !sameAnswer(field, value, fixed, env, run)) {
        report(run, path, fieldMessage(field, 'readonly'));
        continue;
      }
      value = fixed;
    }
    if (field.kind === 'calculated') {
      const result = field.calc?.(env);
      if (typeof result === 'number' && Number.isFinite(result)) cleaned[field.name] = result;
      else run.env.errored.add(path); // rules over a value that could not be calculated are not checked
      continue;
    }
    if (field.kind === 'group') {
      validateGroup(field, value, path, env, run);
      continue;
    }
    if (!hasAnswer(value)) {
      if (run.submit && field.required) report(run, path, fieldMessage(field, 'required'));
      continue;
    }
    const checked = checkValue(field, value, env, run);
    if (checked.ok) cleaned[field.name] = checked.value;
    else report(run, path, checked.message);
  }
}

function validateGroup(field: CompiledField, value: unknown, path: string, env: Env, run: Run): void {
  const given = value !== undefined && value !== null;
  if (!given) value = [];
  if (!Array.isArray(value)) return report(run, path, fieldMessage(field, 'type'));
  const max = Math.min(field.maxItems ?? run.maxItems, run.maxItems);
  if (value.length > max)
    return report(run, path, fieldMessage(field, 'maxItems', { max, itemsName: plural(field, max) }));
  const min = field.minItems ?? 0;
  if (run.submit && value.length < min)
    report(run, path, fieldMessage(field, 'minItems', { min, itemsName: plural(field, min) }));
  const items: Answers[] = [];
  if (given) env.values[field.name] = items;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const itemPath = `${path}[${i}]`;
    if (!isPlainObject(item)) {
      report(run, itemPath, `${capitalFirst(field.itemName ?? 'item')} ${i + 1} must be a set of answers`);
      continue;
    }
    const cleaned: Answers = {};
    const itemEnv: Env = { values: cleaned, prefix: `${itemPath}.`, parent: env, run: env.run };
    validateScope(field.children!, item, itemEnv, run);
    if (run.submit && field.rules) checkRules(field.rules, itemEnv, run);
    items.push(cleaned);
  }
}

function declaresPrefill(field: CompiledField): boolean {
  return typeof (field.source as { prefill?: { from?: unknown } }).prefill?.from === 'string';
}

/** Whether a read-only question's answer is its pre-filled one, once both are cleaned (trimmed, formatted). */
function sameAnswer(field: CompiledField, sent: unknown, fixed: unknown, env: Env, run: Run): boolean {
  if (!hasAnswer(fixed)) return false;
  const a = checkValue(field, sent, env, { ...run, usedFiles: new Set() });
  const b = checkValue(field, fixed, env, { ...run, usedFiles: new Set() });
  if (!a.ok || !b.ok) return JSON.stringify(sent) === JSON.stringify(fixed);
  return JSON.stringify(a.value) === JSON.stringify(b.value);
}

function isVisible(field: CompiledField, env: Env, run: Run): boolean {
  if (!env.parent) {
    const page = field.page;
    let visible = run.pageVisible[page.index];
    if (visible === undefined) visible = run.pageVisible[page.index] = !page.condition || page.condition(env);
    if (!visible) return false;
  }
  return !field.condition || field.condition(env);
}

function checkRules(rules: CompiledRule[], env: Env, run: Run): void {
  for (const rule of rules) {
    if (rule.refs(env).some((p) => run.env.errored.has(p))) continue;
    if (rule.when && !rule.when(env)) continue;
    if (!rule.check(env)) report(run, env.prefix + rule.path, rule.message);
  }
}

function report(run: Run, path: string, message: string): void {
  run.errors.push({ path, message });
  // Mark the path and its ancestors so rules reading them are skipped rather than double-reported.
  let p = path;
  for (;;) {
    run.env.errored.add(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "1 item" but "2 items". */
function plural(field: CompiledField, count: number): string | undefined {
  return count === 1 ? field.itemName : field.itemsName;
}

function capitalFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
