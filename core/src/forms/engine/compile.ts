import { compileCalculation } from './calculations.js';
import {
  CONTENT_TYPES,
  createCalculatedField,
  createGroupField,
  createInputField,
  INPUT_TYPES,
  type FieldContext,
} from './compile-field.js';
import type { Bound, CompiledField, CompiledForm, CompiledPage, CompiledRule, Env, Scope } from './compiled-types.js';
import { compileCondition } from './conditions.js';
import { parseDateTime, parseIsoDate } from './dates.js';
import { unknownKeys } from './definition-keys.js';
import type { TermDictionary } from './engine-types.js';
import type { Component, FieldRef, FormDefinition, Rule } from './form-types.js';
import { checkPrefill } from './prefill-sources.js';
import { compileFilter } from './reference-filter.js';
import { refGetter, resolveRef, type ProblemSink } from './references.js';

const MAX_GROUP_DEPTH = 2;
const cache = new WeakMap<FormDefinition, WeakMap<TermDictionary, CompiledForm>>();

/** Compiles a form once per (form, dictionary) pair; later calls return the cached result. */
export function compileForm(form: FormDefinition, terms: TermDictionary): CompiledForm {
  let byTerms = cache.get(form);
  if (!byTerms) cache.set(form, (byTerms = new WeakMap()));
  let compiled = byTerms.get(terms);
  if (!compiled) byTerms.set(terms, (compiled = build(form, terms)));
  return compiled;
}

type Deferred = () => void;

function build(form: FormDefinition, terms: TermDictionary): CompiledForm {
  const ctx: FieldContext = { problems: [], terms, nextOrder: 0 };
  const root: Scope = { fields: [], byName: new Map() };
  const pages: CompiledPage[] = [];
  const deferred: Deferred[] = [];
  (Array.isArray(form.pages) ? form.pages : []).forEach((page, index) => {
    const where = `pages[${index}]`;
    const compiled: CompiledPage = { id: page.id, index, source: page, fields: [] };
    pages.push(compiled);
    const firstOrder = ctx.nextOrder;
    if (page.show_when !== undefined) {
      deferred.push(
        () => (compiled.condition = compileCondition(page.show_when!, root, firstOrder, `${where}.show_when`, ctx)),
      );
    }
    addComponents(page.components, compiled, root, `${where}.components`, ctx, deferred, 0);
    compiled.fields = root.fields.filter((f) => f.page === compiled);
  });
  for (const run of deferred) run();
  const rules = compileRules(form.rules, root, 'rules', ctx);
  return { form, pages, root, rules, problems: ctx.problems };
}

function addComponents(
  components: Component[] | undefined,
  page: CompiledPage,
  scope: Scope,
  where: string,
  ctx: FieldContext,
  deferred: Deferred[],
  depth: number,
): void {
  if (!Array.isArray(components)) {
    ctx.problems.push({ path: where, message: 'components must be a list' });
    return;
  }
  components.forEach((component, i) => {
    const at = `${where}[${i}]`;
    if (typeof component !== 'object' || component === null || Array.isArray(component)) {
      ctx.problems.push({ path: at, message: 'A component must be an object' });
      return;
    }
    const type = (component as { type?: string }).type;
    if (type !== undefined && CONTENT_TYPES.has(type)) {
      checkContent(component as Extract<Component, { text: string }>, at, ctx);
      return;
    }
    let field: CompiledField;
    if (type === 'group') {
      const group = component as Extract<Component, { type: 'group' }>;
      unknownKeys(group, 'group', at, ctx);
      field = createGroupField(group, page, at, ctx);
      if (depth + 1 > MAX_GROUP_DEPTH)
        ctx.problems.push({
          path: at,
          message: `Group "${group.name}" is nested too deeply (at most ${MAX_GROUP_DEPTH} levels)`,
        });
      const children: Scope = { fields: [], byName: new Map(), parent: scope, owner: field };
      field.children = children;
      addComponents(group.components, page, children, `${at}.components`, ctx, deferred, depth + 1);
      if (group.rules) deferred.push(() => (field.rules = compileRules(group.rules, children, `${at}.rules`, ctx)));
    } else if (type === 'calculated') {
      const calc = component as Extract<Component, { type: 'calculated' }>;
      unknownKeys(calc, 'calculated', at, ctx);
      unknownKeys(calc.calculation, 'calculation', `${at}.calculation`, ctx);
      field = createCalculatedField(calc, page, at, ctx);
      deferred.push(
        () => (field.calc = compileCalculation(calc.calculation, scope, field.order, `${at}.calculation`, ctx)),
      );
    } else if (type === undefined || INPUT_TYPES.has(type)) {
      unknownKeys(component, 'input', at, ctx);
      field = createInputField(
        component as Extract<Component, { name: string }> & { type?: never },
        page,
        scope,
        at,
        ctx,
      );
      deferred.push(() => {
        compileBounds(field, scope, at, ctx);
        field.filter = compileFilter(field, scope, at, ctx);
      });
    } else {
      ctx.problems.push({ path: `${at}.type`, message: `Unknown component type "${type}"` });
      return;
    }
    if (scope.owner) field.key = `${scope.owner.key}.${field.name}`;
    if (field.kind !== 'calculated') checkPrefill(field, !scope.owner, at, ctx);
    if (scope.byName.has(field.name))
      ctx.problems.push({ path: `${at}.name`, message: `Duplicate field name "${field.name}"` });
    else scope.byName.set(field.name, field);
    scope.fields.push(field);
    const condition = component.show_when;
    if (condition !== undefined)
      deferred.push(() => (field.condition = compileCondition(condition, scope, field.order, `${at}.show_when`, ctx)));
  });
}

const HEADING_SIZES = ['s', 'm', 'l', 'xl'];

/** Content blocks: text to show, a details block's summary, a heading's size. */
function checkContent(component: Extract<Component, { text: string }>, where: string, ctx: FieldContext): void {
  const type = component.type;
  unknownKeys(component, type, where, ctx);
  if (typeof component.text !== 'string' || !component.text)
    ctx.problems.push({ path: where, message: `A ${type} needs "text"` });
  if (type === 'details' && (typeof component.summary !== 'string' || !component.summary))
    ctx.problems.push({
      path: `${where}.summary`,
      message: 'A details block needs a "summary" (the line that opens it)',
    });
  if (component.size !== undefined && !HEADING_SIZES.includes(component.size))
    ctx.problems.push({
      path: `${where}.size`,
      message: `A heading's size must be one of: ${HEADING_SIZES.join(', ')} (got ${JSON.stringify(component.size)})`,
    });
}

function compileBounds(field: CompiledField, scope: Scope, where: string, ctx: ProblemSink): void {
  const source = field.source as { before?: string | FieldRef; after?: string | FieldRef };
  for (const key of ['before', 'after'] as const) {
    const bound = source[key];
    if (bound === undefined) continue;
    if (field.kind !== 'date' && field.kind !== 'date-time') {
      ctx.problems.push({
        path: `${where}.${key}`,
        message: `Field "${field.name}" is not a date, so it cannot have "${key}"`,
      });
      continue;
    }
    field[key] = compileBound(bound, field, scope, `${where}.${key}`, ctx);
  }
}

function compileBound(
  bound: string | FieldRef,
  field: CompiledField,
  scope: Scope,
  where: string,
  ctx: ProblemSink,
): Bound | undefined {
  if (typeof bound === 'string') {
    if (parseIsoDate(bound) === undefined && parseDateTime(bound, 'UTC') === undefined) {
      ctx.problems.push({ path: where, message: `Field "${field.name}" has "${bound}" which is not an ISO date` });
      return undefined;
    }
    return { literal: bound };
  }
  const ref = resolveRef(scope, bound.field, field.order, `${where}.field`, ctx);
  if (ref && ref.field.kind !== 'date' && ref.field.kind !== 'date-time') {
    ctx.problems.push({
      path: where,
      message: `Field "${field.name}" is compared with "${bound.field}" which is not a date`,
    });
  }
  return ref ? { ref: refGetter(ref), label: ref.field.errorName } : undefined;
}

function compileRules(rules: Rule[] | undefined, scope: Scope, where: string, ctx: ProblemSink): CompiledRule[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) {
    ctx.problems.push({ path: where, message: 'rules must be a list' });
    return [];
  }
  return rules.map((rule, i) => {
    const at = `${where}[${i}]`;
    unknownKeys(rule, 'rule', at, ctx);
    if (typeof rule.message !== 'string' || !rule.message)
      ctx.problems.push({ path: `${at}.message`, message: 'A rule needs a message' });
    if (typeof rule.path !== 'string' || !scope.byName.has(rule.path)) {
      ctx.problems.push({ path: `${at}.path`, message: `Rule reports against unknown field "${String(rule.path)}"` });
    }
    const paths: ((env: Env) => string)[] = [];
    const check = compileCondition(rule.check, scope, undefined, `${at}.check`, ctx, paths);
    const when = rule.when === undefined ? undefined : compileCondition(rule.when, scope, undefined, `${at}.when`, ctx);
    return { check, when, path: rule.path, message: rule.message, refs: (env: Env) => paths.map((p) => p(env)) };
  });
}
