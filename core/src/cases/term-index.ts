import { termValues, type FormDefinition } from '../forms/engine/index.js';
import { standardTerms } from '../terms/standard-terms.js';
import type { TermRow } from './case.types.js';

/** The rows a case contributes to the cross-workflow term index (core.case_term). */
export function indexedTerms(form: FormDefinition, answers: Record<string, unknown>): TermRow[] {
  return termValues(form, answers, standardTerms).map((t) => ({
    ...t,
    value: typeof t.value === 'string' ? t.value : JSON.stringify(t.value),
  }));
}
