import type { FormProblem, TermDefinition, TermType } from './engine-types.js';
import type { InputComponent, InputType } from './form-types.js';

/** The input types that can hold each term type. */
const COMPATIBLE: Record<TermType, readonly InputType[]> = {
  string: ['text', 'textarea', 'email', 'phone'],
  number: ['number'],
  date: ['date'],
  'date-time': ['date-time'],
  time: ['time'],
};
const CHOICE_TYPES: readonly InputType[] = ['radios', 'select', 'autocomplete'];

/** The input types a term may be bound with. */
export function typesForTerm(term: TermDefinition): readonly InputType[] {
  return term.reference ? CHOICE_TYPES : COMPATIBLE[term.type];
}

/**
 * Reports where a component contradicts the term it binds: a type that cannot hold the
 * term's values, a different reference set, its own options, or looser limits.
 * Every message names the field.
 */
export function termConflicts(component: InputComponent, term: TermDefinition, where: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const field = `Field "${component.name}"`;
  const type = component.type ?? term.component;
  const allowed = typesForTerm(term);
  if (!allowed.includes(type)) {
    problems.push({
      path: `${where}.type`,
      message: `${field} has type "${type}" but term ${term.id} needs one of: ${allowed.join(', ')}`,
    });
  }
  if (component.reference !== undefined && component.reference !== term.reference) {
    problems.push({
      path: `${where}.reference`,
      message: term.reference
        ? `${field} uses reference set "${component.reference}" but term ${term.id} uses "${term.reference}"`
        : `${field} uses reference set "${component.reference}" but term ${term.id} has no reference set`,
    });
  }
  if (component.options !== undefined && term.reference) {
    problems.push({
      path: `${where}.options`,
      message: `${field} lists its own options but term ${term.id} uses reference set "${term.reference}"`,
    });
  }
  if (component.maxLength !== undefined && term.maxLength !== undefined && component.maxLength > term.maxLength) {
    problems.push({
      path: `${where}.maxLength`,
      message: `${field} allows ${component.maxLength} characters but term ${term.id} allows at most ${term.maxLength}`,
    });
  }
  if (component.pattern !== undefined && term.pattern !== undefined && component.pattern !== term.pattern) {
    problems.push({
      path: `${where}.pattern`,
      message: `${field} has its own pattern but term ${term.id} defines the format`,
    });
  }
  return problems;
}
