import { ReportTemplateError } from './report-template.error.js';
import { MARKUP_TAGS } from './markup-to-model.js';

/** What the checker needs to know beyond the template itself. */
export interface TemplateCheckOptions {
  /** Template name used in errors. */
  readonly template: string;
  /** Dotted field paths the data supplies; undefined skips the field check. */
  readonly knownFields?: ReadonlySet<string>;
  /** Helper names that are not fields. */
  readonly helpers: ReadonlySet<string>;
  /** Registered partials by name, as parsed programs. */
  readonly partials: ReadonlyMap<string, hbs.AST.Program>;
  /** Whether `{{{ }}}` output is allowed (only the trusted layout uses it). */
  readonly allowUnescaped?: boolean;
}

/** The data variables (`@name`) a template may use. */
const DATA_VARIABLES = new Set(['root', 'index', 'key', 'first', 'last', 'meta', 'body', 'partial-block']);

/** A context frame: the dotted path of the current `this` (null when it cannot be known) and named locals. */
interface Scope {
  readonly path: string | null;
  readonly locals: ReadonlyMap<string, string | null>;
}

/**
 * Walks a parsed template and throws {@link ReportTemplateError} at the first field
 * that is not known, helper that does not exist, partial that is not registered,
 * unescaped output or unknown markup tag. Paths inside `{{#each list}}` are checked
 * as `list.field`; `../`, `@root`, `as |item|` and partial contexts are followed.
 * Returns the field paths the template references.
 */
export function checkTemplate(program: hbs.AST.Program, options: TemplateCheckOptions): string[] {
  const fields = new Set<string>();
  new Checker(options, fields, [options.template]).program(program, [{ path: '', locals: new Map() }]);
  return [...fields].sort();
}

class Checker {
  constructor(
    private readonly options: TemplateCheckOptions,
    private readonly fields: Set<string>,
    private readonly partialStack: readonly string[],
  ) {}

  private get template(): string {
    return this.partialStack[this.partialStack.length - 1]!;
  }

  private fail(node: hbs.AST.Node, message: string, lineOffset = 0): never {
    throw new ReportTemplateError({ template: this.template, line: (node.loc?.start.line ?? 0) + lineOffset, message });
  }

  program(program: hbs.AST.Program | undefined, scopes: Scope[]): void {
    for (const statement of program?.body ?? []) this.statement(statement, scopes);
  }

  private statement(node: hbs.AST.Statement, scopes: Scope[]): void {
    switch (node.type) {
      case 'ContentStatement':
        return this.content(node as hbs.AST.ContentStatement);
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (!mustache.escaped && !this.options.allowUnescaped)
          this.fail(node, 'unescaped output ({{{ }}} or {{& }}) is not allowed in report templates');
        this.call(mustache, scopes);
        return;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scopes);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scopes);
      default:
        this.fail(node, `${node.type} (inline partials and decorators) is not supported in report templates`);
    }
  }

  /** A mustache or subexpression: a helper call or a field reference. */
  private call(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, scopes: Scope[]): void {
    const callee = node.path;
    if (callee.type !== 'PathExpression') {
      if (callee.type === 'SubExpression') this.call(callee as hbs.AST.SubExpression, scopes);
      return; // a literal
    }
    const path = callee as hbs.AST.PathExpression;
    if (this.isHelper(path)) {
      this.arguments(node, scopes);
    } else if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
      this.fail(node, `unknown helper "${path.original}"`);
    } else {
      this.resolve(path, scopes);
    }
  }

  private arguments(node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, scopes: Scope[]): void {
    for (const param of node.params) this.expression(param, scopes);
    for (const pair of node.hash?.pairs ?? []) this.expression(pair.value, scopes);
  }

  /** Checks an argument expression; returns the dotted path it denotes, or null when unknown. */
  private expression(expr: hbs.AST.Expression, scopes: Scope[]): string | null {
    if (expr.type === 'SubExpression') {
      this.call(expr as hbs.AST.SubExpression, scopes);
      return null;
    }
    if (expr.type === 'PathExpression') return this.resolve(expr as hbs.AST.PathExpression, scopes);
    return null; // string, number, boolean, null, undefined literals
  }

  private isHelper(path: hbs.AST.PathExpression): boolean {
    return !path.data && path.depth === 0 && path.parts.length === 1 && this.options.helpers.has(path.parts[0]!);
  }

  /** Resolves a path against the scopes, records it, and fails when it is not a known field. */
  private resolve(path: hbs.AST.PathExpression, scopes: Scope[]): string | null {
    let parts = path.parts.filter((p) => !/^\d+$/.test(p));
    let base: string | null;
    if (path.data) {
      const name = parts[0] ?? '';
      if (!DATA_VARIABLES.has(name)) this.fail(path, `unknown data variable "@${name}"`);
      if (name !== 'root') return null;
      base = '';
      parts = parts.slice(1);
    } else if (path.depth === 0 && parts.length > 0 && this.local(parts[0]!, scopes) !== undefined) {
      base = this.local(parts[0]!, scopes)!;
      parts = parts.slice(1);
    } else {
      const scope = scopes[scopes.length - 1 - path.depth];
      if (!scope) this.fail(path, `"${path.original}" climbs above the template's root context`);
      base = scope.path;
    }
    if (base === null) return null;
    const full = [base, ...parts].filter(Boolean).join('.');
    if (full === '') return '';
    this.fields.add(full);
    this.requireKnown(full, path);
    return full;
  }

  private local(name: string, scopes: Scope[]): string | null | undefined {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const locals = scopes[i]!.locals;
      if (locals.has(name)) return locals.get(name);
    }
    return undefined;
  }

  private requireKnown(full: string, node: hbs.AST.Node, lineOffset = 0): void {
    const known = this.options.knownFields;
    if (!known || known.has(full)) return;
    this.fail(node, `unknown field "${full}"`, lineOffset);
  }

  private block(node: hbs.AST.BlockStatement, scopes: Scope[]): void {
    const callee = node.path as hbs.AST.PathExpression;
    const name = callee.type === 'PathExpression' && this.isHelper(callee) ? callee.parts[0]! : undefined;
    let inner = scopes;
    if (name === 'each' || name === 'with') {
      this.arguments(node, scopes);
      const target = node.params[0] ? this.expression(node.params[0], scopes) : null;
      const params = node.program.blockParams ?? [];
      const locals = new Map<string, string | null>();
      if (params[0]) locals.set(params[0], target);
      if (params[1]) locals.set(params[1], null); // the index or key
      inner = [...scopes, { path: target, locals }];
    } else if (name) {
      this.arguments(node, scopes); // if, unless, custom helpers: the context does not change
    } else if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
      this.fail(node, `unknown block helper "${callee.original}"`);
    } else {
      inner = [...scopes, { path: this.resolve(callee, scopes), locals: new Map() }];
    }
    this.program(node.program, inner);
    this.program(node.inverse, scopes);
  }

  private partial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scopes: Scope[]): void {
    if (node.name.type !== 'PathExpression')
      this.fail(node, 'dynamic partial names are not allowed in report templates');
    const partialName = (node.name as hbs.AST.PathExpression).original;
    const context = node.params[0] ? this.expression(node.params[0], scopes) : scopes[scopes.length - 1]!.path;
    const locals = new Map<string, string | null>();
    for (const pair of node.hash?.pairs ?? []) locals.set(pair.key, this.expression(pair.value, scopes));
    if (node.type === 'PartialBlockStatement') this.program((node as hbs.AST.PartialBlockStatement).program, scopes);
    if (partialName === '@partial-block') return;
    const partial = this.options.partials.get(partialName);
    if (!partial) this.fail(node, `unknown partial "${partialName}"`);
    if (this.partialStack.includes(partialName)) this.fail(node, `partial "${partialName}" includes itself`);
    // The partial's fields are checked as the data it receives; errors name the partial's own line.
    new Checker(this.options, this.fields, [...this.partialStack, partialName]).program(partial, [
      { path: context, locals },
    ]);
  }

  /** Unknown markup tags and streamed-table column fields are caught here, in the literal text. */
  private content(node: hbs.AST.ContentStatement): void {
    // `original` is the text before whitespace control (the typings mislabel it).
    const original: unknown = node.original;
    const text = typeof original === 'string' ? original : node.value;
    for (const match of text.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) {
      const tag = match[1]!.toLowerCase();
      if (!MARKUP_TAGS.includes(tag))
        this.fail(
          node,
          `unknown markup tag <${tag}> (allowed: ${MARKUP_TAGS.join(', ')})`,
          linesBefore(text, match.index),
        );
    }
  }
}

function linesBefore(text: string, index: number): number {
  let lines = 0;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/**
 * Finds `<table source="…">` blocks in the raw source and returns their column fields
 * as `source.field` with the 1-based line of each `<col>`, so streamed columns are
 * checked against the known fields like any other reference.
 */
export function streamedColumnFields(source: string): Array<{ source: string; path: string; line: number }> {
  const found: Array<{ source: string; path: string; line: number }> = [];
  for (const table of source.matchAll(/<table\b[^>]*\bsource="([^"{}]+)"[^>]*>([\s\S]*?)<\/table>/g)) {
    const bodyStart = table.index + table[0].indexOf('>') + 1;
    for (const col of table[2]!.matchAll(/<col\b[^>]*\bfield="([^"{}]+)"/g)) {
      found.push({
        source: table[1]!,
        path: `${table[1]}.${col[1]}`,
        line: 1 + linesBefore(source, bodyStart + col.index),
      });
    }
  }
  return found;
}
