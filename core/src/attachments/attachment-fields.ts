import {
  compileForm,
  DEFAULT_FILE_LIMITS,
  parsePath,
  type Answers,
  type CompiledField,
  type FileLimits,
  type FormDefinition,
  type Scope,
} from '../forms/engine/index.js';
import { termDictionary } from '../terms/term-dictionary.js';

/** A file question found from an answer path, with what it takes. */
export interface FileQuestion {
  field: CompiledField;
  limits: FileLimits;
  /** The most uploads the question can use in one form: its files times its groups' items. */
  uploadCap: number;
}

/**
 * The file question an answer path names (`photo`, `attachments[2].file`), or undefined when
 * the path is no file question of the form.
 */
export function fileQuestionAt(form: FormDefinition, path: string): FileQuestion | undefined {
  if (path.length > 300) return undefined;
  let scope: Scope | undefined = compileForm(form, termDictionary).root;
  let field: CompiledField | undefined;
  let cap = 1;
  const parts = parsePath(path);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'number') return undefined;
    field = scope?.byName.get(part);
    if (!field) return undefined;
    if (field.kind === 'group') {
      cap *= Math.min(field.maxItems ?? 200, 200);
      if (typeof parts[i + 1] !== 'number') return undefined;
      i++;
      scope = field.children;
    } else if (i !== parts.length - 1) return undefined;
  }
  if (!field || field.kind !== 'file') return undefined;
  const limits = field.file ?? DEFAULT_FILE_LIMITS;
  return { field, limits, uploadCap: Math.min(cap * limits.maxFiles, 1000) };
}

/** The file question with a declaration key (`attachments.file`), or undefined. */
export function fileFieldByKey(form: FormDefinition, key: string): CompiledField | undefined {
  let scope: Scope | undefined = compileForm(form, termDictionary).root;
  let field: CompiledField | undefined;
  for (const name of key.split('.')) {
    field = scope?.byName.get(name);
    scope = field?.children;
  }
  return field?.kind === 'file' ? field : undefined;
}

/** The ids of every uploaded file the (validated) answers use. */
export function usedFiles(form: FormDefinition, answers: Answers): string[] {
  const ids: string[] = [];
  collect(compileForm(form, termDictionary).root, answers, ids);
  return ids;
}

function collect(scope: Scope, values: Answers, ids: string[]): void {
  for (const field of scope.fields) {
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    if (field.kind === 'group' && Array.isArray(value))
      for (const item of value as Answers[]) collect(field.children!, item, ids);
    else if (field.kind === 'file')
      for (const file of Array.isArray(value) ? value : [value]) {
        const id = (file as { id?: unknown }).id;
        if (typeof id === 'string') ids.push(id);
      }
  }
}
