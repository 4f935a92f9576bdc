import { compileForm } from './compile.js';
import type { CompiledField, Scope } from './compiled-types.js';
import type { TermDictionary } from './engine-types.js';
import type { FormDefinition } from './form-types.js';

/** `seizure-note` → `SeizureNote`. */
export function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const comment = (text: string) => text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();

/**
 * The TypeScript declaration of a form's validated answers, as the form engine stores them: one
 * exported type per form (`<FormId>Answers`) and one per repeating group's item (type aliases,
 * so that they are assignable to `Record<string, unknown>`, as demo answers and hooks take them). A question
 * that is always shown and required is a required property; a conditional or optional one is
 * optional, as in the answers' JSON Schema. Choices with inline options are unions of their
 * values; reference-data choices are the row's id (a string).
 */
export function answersTypeSource(form: FormDefinition, terms: TermDictionary): string {
  const compiled = compileForm(form, terms);
  const declarations: string[] = [];
  const name = `${pascal(form.id)}Answers`;
  declarations.unshift(
    objectType(
      name,
      compiled.root,
      true,
      `Answers of "${comment(form.title)}" (${form.id}, version ${form.version}).`,
      declarations,
    ),
  );
  return declarations.join('\n\n');
}

function objectType(name: string, scope: Scope, isRoot: boolean, doc: string, out: string[]): string {
  const lines = [`/** ${doc} */`, `export type ${name} = {`];
  for (const field of scope.fields) {
    const alwaysShown = !field.condition && (!isRoot || !field.page.condition);
    const required = field.required && alwaysShown && field.kind !== 'group';
    const extras = [
      field.term ? `term ${field.term.id}` : '',
      field.reference ? `reference set ${field.reference}` : '',
      field.readonly ? `read-only, from ${(field.source as { prefill?: { from?: string } }).prefill?.from ?? ''}` : '',
      field.format?.length ? `format ${field.format.join(', ')}` : '',
    ];
    const shown = extras.filter(Boolean);
    const note = `${comment(field.label)}${shown.length ? ` (${shown.join(', ')})` : ''}`;
    lines.push(`  /** ${note} */`, `  ${field.name}${required ? '' : '?'}: ${valueType(name, field, out)};`);
  }
  lines.push('};');
  return lines.join('\n');
}

function valueType(owner: string, field: CompiledField, out: string[]): string {
  switch (field.kind) {
    case 'number':
    case 'calculated':
      return 'number';
    case 'yes-no':
      return 'boolean';
    case 'file':
      return '{ id: string; name: string }';
    case 'radios':
    case 'select':
    case 'autocomplete':
      return choice(field);
    case 'checkboxes': {
      const item = choice(field);
      return item.includes('|') ? `(${item})[]` : `${item}[]`;
    }
    case 'group': {
      const item = `${owner.replace(/Answers$/, '')}${pascal(field.name)}Item`;
      out.push(objectType(item, field.children!, false, `One item of "${comment(field.label)}" (${field.name}).`, out));
      return `${item}[]`;
    }
    default:
      return 'string';
  }
}

function choice(field: CompiledField): string {
  return field.options && field.options.size > 0 ? [...field.options.keys()].map(literal).join(' | ') : 'string';
}
