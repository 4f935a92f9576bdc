import type { CompiledField, CompiledPage, Scope } from './compiled-types.js';
import type { TermDictionary } from './engine-types.js';
import type {
  CalculatedComponent,
  GroupComponent,
  InputComponent,
  FormatRule,
  InputType,
  MessageOverrides,
  Option,
} from './form-types.js';
import { unknownKeys } from './definition-keys.js';
import { compileFileLimits } from './files.js';
import { FORMAT_RULES, FORMATTED_TYPES, formatRules } from './format.js';
import { FILE_REQUIRED, nounPhrase, SELECT_REQUIRED, YES_NO_REQUIRED } from './messages.js';
import type { ProblemSink } from './references.js';
import { termConflicts } from './term-binding.js';

/** Every input component type the engine knows. */
export const INPUT_TYPES: ReadonlySet<string> = new Set<InputType>([
  'text',
  'textarea',
  'number',
  'email',
  'phone',
  'date',
  'time',
  'date-time',
  'radios',
  'checkboxes',
  'select',
  'autocomplete',
  'yes-no',
  'file',
]);
/** Every content component type. */
export const CONTENT_TYPES: ReadonlySet<string> = new Set(['heading', 'paragraph', 'inset', 'warning', 'details']);
const CHOICE: ReadonlySet<string> = new Set(['radios', 'checkboxes', 'select', 'autocomplete']);
const SELECTING: ReadonlySet<string> = new Set(['radios', 'checkboxes', 'select', 'autocomplete', 'yes-no']);
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Shared state while fields are created. */
export interface FieldContext extends ProblemSink {
  terms: TermDictionary;
  nextOrder: number;
}

/** Creates the compiled field for an input component, merging its term. */
export function createInputField(
  c: InputComponent,
  page: CompiledPage,
  scope: Scope,
  where: string,
  ctx: FieldContext,
): CompiledField {
  const term = c.term === undefined ? undefined : ctx.terms[c.term];
  if (c.term !== undefined && !term)
    ctx.problems.push({ path: `${where}.term`, message: `Field "${c.name}" uses unknown term "${c.term}"` });
  if (term) ctx.problems.push(...termConflicts(c, term, where));
  const kind = (c.type ?? term?.component ?? 'text') as InputType;
  if (c.type === undefined && !term)
    ctx.problems.push({ path: `${where}.type`, message: `Field "${c.name}" needs a "type" or a "term"` });
  const label = c.label ?? term?.label ?? '';
  if (!label && (c.term === undefined || term))
    ctx.problems.push({ path: `${where}.label`, message: `Field "${c.name}" needs a label` });
  const ownLabel = c.label !== undefined && c.label !== term?.label;
  const messages: MessageOverrides = { ...(ownLabel ? undefined : term?.messages), ...c.messages };
  if (!messages.required && kind === 'yes-no' && !c.errorName) messages.required = YES_NO_REQUIRED;
  if (!messages.required && SELECTING.has(kind)) messages.required = SELECT_REQUIRED;
  if (!messages.required && kind === 'file') messages.required = FILE_REQUIRED;
  const reference = c.reference ?? term?.reference;
  if (CHOICE.has(kind) && !reference && !c.options) {
    ctx.problems.push({ path: where, message: `Field "${c.name}" needs "options" or a "reference" set` });
  }
  const field = base(
    c,
    kind,
    page,
    where,
    ctx,
    label,
    c.errorName ?? (ownLabel ? undefined : term?.errorName) ?? nounPhrase(label),
  );
  Object.assign(field, {
    hint: c.hint ?? term?.hint,
    required: c.required === true,
    term,
    messages,
    reference,
    options: c.options ? optionMap(c.options, c.name, where, ctx) : undefined,
    pattern: compilePattern(c.pattern ?? term?.pattern, c.name, where, ctx),
    minLength: c.minLength ?? term?.minLength,
    maxLength: c.maxLength ?? term?.maxLength,
    min: c.min ?? term?.min,
    max: c.max ?? term?.max,
    integer: c.integer ?? term?.integer,
    past: c.past ?? term?.past,
    notFuture: c.notFuture ?? term?.notFuture,
    future: c.future,
    file: compileFileLimits(c, kind, where, ctx),
    format: compileFormat(c, kind, where, ctx),
    readonly: compileReadonly(c, kind, scope, where, ctx),
    displayMenu: compileDisplayMenu(c, kind, where, ctx),
  });
  unknownKeys(c.prefill, 'prefill', `${where}.prefill`, ctx);
  unknownKeys(c.messages, 'messages', `${where}.messages`, ctx);
  return field;
}

/** Sources a read-only answer may come from: the officer's record and shift, which the server knows at submit. */
export const READONLY_SOURCES = ['user.', 'shift.'];

function compileFormat(c: InputComponent, kind: InputType, where: string, ctx: FieldContext): FormatRule[] | undefined {
  if (c.format === undefined) return undefined;
  const at = `${where}.format`;
  if (!FORMATTED_TYPES.has(kind)) {
    ctx.problems.push({
      path: at,
      message: `Field "${c.name}" is a ${kind} question; only text answers (${[...FORMATTED_TYPES].join(', ')}) have a "format"`,
    });
    return undefined;
  }
  const given: unknown[] = Array.isArray(c.format) ? c.format : [c.format];
  if (given.length === 0) ctx.problems.push({ path: at, message: `Field "${c.name}" has an empty "format"` });
  given.forEach((rule, i) => {
    if (!(FORMAT_RULES as readonly unknown[]).includes(rule))
      ctx.problems.push({
        path: Array.isArray(c.format) ? `${at}[${i}]` : at,
        message: `Field "${c.name}" has format ${JSON.stringify(rule)}; a format is one of: ${FORMAT_RULES.join(', ')}`,
      });
  });
  return formatRules(c.format);
}

const DISPLAY_MENUS = ['inline'];

function compileDisplayMenu(
  c: InputComponent,
  kind: InputType,
  where: string,
  ctx: FieldContext,
): 'inline' | undefined {
  if (c.displayMenu === undefined) return undefined;
  const at = `${where}.displayMenu`;
  if (kind !== 'autocomplete')
    ctx.problems.push({
      path: at,
      message: `Field "${c.name}" is a ${kind} question; only an autocomplete has "displayMenu"`,
    });
  else if (!DISPLAY_MENUS.includes(c.displayMenu))
    ctx.problems.push({
      path: at,
      message: `Field "${c.name}" has displayMenu ${JSON.stringify(c.displayMenu)}, which is not one of: ${DISPLAY_MENUS.join(', ')}`,
    });
  else return c.displayMenu;
  return undefined;
}

function compileReadonly(
  c: InputComponent,
  kind: InputType,
  scope: Scope,
  where: string,
  ctx: FieldContext,
): boolean | undefined {
  if (c.readonly === undefined) return undefined;
  const at = `${where}.readonly`;
  if (typeof c.readonly !== 'boolean') {
    ctx.problems.push({ path: at, message: `Field "${c.name}" has "readonly" that is not true or false` });
    return undefined;
  }
  if (!c.readonly) return false;
  const from = (c.prefill as { from?: unknown } | undefined)?.from;
  if (scope.owner) {
    ctx.problems.push({ path: at, message: `Field "${c.name}" is in a repeating group, so it cannot be read-only` });
  } else if (kind === 'file') {
    ctx.problems.push({ path: at, message: `Field "${c.name}" is a file question, so it cannot be read-only` });
  } else if (typeof from !== 'string' || !READONLY_SOURCES.some((s) => from.startsWith(s) && from.length > s.length)) {
    ctx.problems.push({
      path: at,
      message: `Field "${c.name}" is read-only, so it needs "prefill" from the officer or their shift (user.… or shift.…)`,
    });
  }
  return true;
}

/** Creates the compiled field for a repeating group (its children are added by the caller). */
export function createGroupField(
  c: GroupComponent,
  page: CompiledPage,
  where: string,
  ctx: FieldContext,
): CompiledField {
  const field = base(c, 'group', page, where, ctx, c.label, nounPhrase(c.label));
  if (!Array.isArray(c.components))
    ctx.problems.push({ path: `${where}.components`, message: `Group "${c.name}" needs a list of components` });
  if (c.minItems !== undefined && c.maxItems !== undefined && c.minItems > c.maxItems) {
    ctx.problems.push({ path: where, message: `Group "${c.name}" has minItems greater than maxItems` });
  }
  unknownKeys(c.messages, 'messages', `${where}.messages`, ctx);
  unknownKeys(c.prefill, 'prefill', `${where}.prefill`, ctx);
  Object.assign(field, {
    hint: c.hint,
    messages: { ...c.messages },
    minItems: c.minItems,
    maxItems: c.maxItems,
    itemName: c.itemName ?? 'item',
    itemsName: c.itemsName ?? `${c.itemName ?? 'item'}s`,
  });
  return field;
}

/** Creates the compiled field for a calculated value (its calculation is compiled later). */
export function createCalculatedField(
  c: CalculatedComponent,
  page: CompiledPage,
  where: string,
  ctx: FieldContext,
): CompiledField {
  const field = base(c, 'calculated', page, where, ctx, c.label, nounPhrase(c.label ?? ''));
  field.hint = c.hint;
  field.round = c.calculation?.round;
  return field;
}

function base(
  source: CompiledField['source'],
  kind: CompiledField['kind'],
  page: CompiledPage,
  declPath: string,
  ctx: FieldContext,
  label: string,
  errorName: string,
): CompiledField {
  if (typeof source.name !== 'string' || !NAME.test(source.name)) {
    ctx.problems.push({
      path: `${declPath}.name`,
      message: `Field name "${String(source.name)}" must start with a letter and use only letters, digits and _`,
    });
  }
  return {
    name: source.name,
    key: source.name,
    kind,
    order: ctx.nextOrder++,
    page,
    label,
    errorName,
    required: false,
    source,
    declPath,
    messages: {},
  };
}

function optionMap(options: Option[], name: string, where: string, ctx: FieldContext): Map<string, string> {
  const map = new Map<string, string>();
  if (!Array.isArray(options)) {
    ctx.problems.push({ path: `${where}.options`, message: `Field "${name}" options must be a list` });
    return map;
  }
  options.forEach((o, i) => {
    unknownKeys(o, 'option', `${where}.options[${i}]`, ctx);
    if (typeof o?.value !== 'string' || typeof o.label !== 'string') {
      ctx.problems.push({
        path: `${where}.options[${i}]`,
        message: `Field "${name}" options need a text value and label`,
      });
    } else if (map.has(o.value)) {
      ctx.problems.push({ path: `${where}.options[${i}]`, message: `Field "${name}" lists option "${o.value}" twice` });
    } else map.set(o.value, o.label);
  });
  return map;
}

function compilePattern(
  pattern: string | undefined,
  name: string,
  where: string,
  ctx: FieldContext,
): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message.split(': ').pop() : '';
    ctx.problems.push({
      path: `${where}.pattern`,
      message: `Field "${name}" has a pattern that is not a valid regular expression${reason ? ` (${reason})` : ''}`,
    });
    return undefined;
  }
}
