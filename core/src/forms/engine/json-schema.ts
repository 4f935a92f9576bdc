import { compileForm } from './compile.js';
import type { CompiledField, Scope } from './compiled-types.js';
import type { TermDictionary } from './engine-types.js';
import type { FormDefinition } from './form-types.js';
import { DEFAULT_LIMITS } from './validate.js';

/** A JSON Schema object (the draft 2020-12 subset OpenAPI 3.1 accepts). */
export type JsonSchema = { [keyword: string]: unknown };

const TIME_PATTERN = '^([01]?\\d|2[0-3]):[0-5]\\d$';
const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$';

/**
 * Describes a submission's answers as JSON Schema. Questions that are always shown and
 * required are `required`; conditional ones are optional in the schema (the engine decides).
 * Reference-data fields carry `x-reference-set`, term-bound ones `x-term`; calculated
 * fields are `readOnly`, and so are read-only questions (with `x-prefill`, their source);
 * a question with a `format` names its rules in `x-format`.
 */
export function answerJsonSchema(form: FormDefinition, terms: TermDictionary): JsonSchema {
  const compiled = compileForm(form, terms);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:cop:form:${form.id}:${form.version}`,
    title: form.title,
    ...objectSchema(compiled.root, true),
  };
}

function objectSchema(scope: Scope, isRoot: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of scope.fields) {
    properties[field.name] = fieldSchema(field);
    const alwaysShown = !field.condition && (!isRoot || !field.page.condition);
    if (field.required && alwaysShown && field.kind !== 'group') required.push(field.name);
  }
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) };
}

function fieldSchema(field: CompiledField): JsonSchema {
  const schema: JsonSchema = { title: field.label, ...(field.hint ? { description: field.hint } : {}) };
  if (field.term) schema['x-term'] = field.term.id;
  if (field.readonly) {
    // The answer is the pre-filled one: a client may leave it out (it is filled in) or send it unchanged.
    schema.readOnly = true;
    schema['x-prefill'] = (field.source as { prefill?: { from?: string } }).prefill?.from;
  }
  return { ...schema, ...valueSchema(field) };
}

function valueSchema(field: CompiledField): JsonSchema {
  const cap = Math.min(field.maxLength ?? DEFAULT_LIMITS.maxStringLength, DEFAULT_LIMITS.maxStringLength);
  switch (field.kind) {
    case 'number':
      return {
        type: field.integer ? 'integer' : 'number',
        ...bounds('minimum', field.min),
        ...bounds('maximum', field.max),
      };
    case 'calculated':
      return { type: 'number', readOnly: true };
    case 'yes-no':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'time':
      return { type: 'string', pattern: TIME_PATTERN };
    case 'date-time':
      return { type: 'string', pattern: DATE_TIME_PATTERN };
    case 'file': {
      const one: JsonSchema = {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
          name: { type: 'string', minLength: 1, maxLength: 255 },
        },
        'x-accept': field.file?.accept,
        'x-max-bytes': field.file?.maxBytes,
      };
      const maxFiles = field.file?.maxFiles ?? 1;
      return maxFiles > 1 ? { type: 'array', maxItems: maxFiles, items: one } : one;
    }
    case 'radios':
    case 'select':
    case 'autocomplete':
      return choiceSchema(field);
    case 'checkboxes':
      return { type: 'array', uniqueItems: true, items: choiceSchema(field) };
    case 'group':
      return {
        type: 'array',
        ...bounds('minItems', field.minItems),
        maxItems: Math.min(field.maxItems ?? DEFAULT_LIMITS.maxItems, DEFAULT_LIMITS.maxItems),
        items: objectSchema(field.children!, false),
      };
    default:
      if (field.format?.length)
        // Lengths and the pattern are checked on the formatted answer, not on the answer as sent
        // (`ab12  cde` becomes `AB12CDE`): the schema names the rules instead.
        return {
          type: 'string',
          maxLength: DEFAULT_LIMITS.maxStringLength,
          'x-format': field.format,
          ...(field.kind === 'email' ? { format: 'email' } : {}),
        };
      return {
        type: 'string',
        maxLength: cap,
        ...bounds('minLength', field.minLength),
        // A term with a canonical rule checks its pattern on the canonical form (`CT16 1JA`), not
        // on the answer as sent (`ct161ja` is fine): the schema names the rule instead.
        ...(field.term?.canonical
          ? { 'x-canonical': field.term.canonical }
          : field.pattern
            ? { pattern: field.pattern.source }
            : {}),
        ...(field.kind === 'email' ? { format: 'email' } : {}),
      };
  }
}

function choiceSchema(field: CompiledField): JsonSchema {
  if (field.options) return { type: 'string', enum: [...field.options.keys()] };
  return {
    type: 'string',
    maxLength: DEFAULT_LIMITS.maxStringLength,
    ...(field.reference ? { 'x-reference-set': field.reference } : {}),
    // Which rows are allowed depends on another answer: the schema names it, the engine decides.
    ...(field.filter ? { 'x-filter-by': { field: field.filter.field, match: field.filter.match } } : {}),
  };
}

function bounds(keyword: string, value: number | undefined): JsonSchema {
  return value === undefined ? {} : { [keyword]: value };
}
