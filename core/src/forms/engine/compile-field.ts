import type { CompiledField, CompiledPage, Scope } from './compiled-types.js';
import type { TermDictionary } from './engine-types.js';
import type {
  CalculatedComponent,
  GroupComponent,
  InputComponent,
  InputType,
  MessageOverrides,
  Option,
} from './form-types.js';
import { compileFileLimits } from './files.js';
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
  });
  return field;
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
  } catch {
    ctx.problems.push({ path: `${where}.pattern`, message: `Field "${name}" has an invalid pattern` });
    return undefined;
  }
}
