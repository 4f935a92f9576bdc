import { termValues, type FormDefinition } from '../forms/engine/index.js';
import { termDictionary } from '../terms/term-dictionary.js';
import type { TermRow } from './case.types.js';

/** The rows a case contributes to the cross-workflow term index (core.case_term). */
export function indexedTerms(form: FormDefinition, answers: Record<string, unknown>): TermRow[] {
  return termValues(form, answers, termDictionary).map((t) => ({
    ...t,
    value: typeof t.value === 'string' ? t.value : JSON.stringify(t.value),
  }));
}
