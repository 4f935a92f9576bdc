import { compileForm } from './compile.js';
import { compileCondition } from './conditions.js';
import { DEFAULT_TIME_ZONE } from './dates.js';
import type { Answers, FormProblem, TermDictionary } from './engine-types.js';
import type { Condition, FormDefinition } from './form-types.js';

/**
 * Compiles a condition over a form's top-level answers (for workflow routing and guards),
 * returning its problems or a predicate over validated answers.
 */
export function compileAnswerCondition(
  form: FormDefinition,
  condition: Condition,
  terms: TermDictionary,
  where = 'condition',
): { problems: FormProblem[]; test: (answers: Answers, timeZone?: string) => boolean } {
  const compiled = compileForm(form, terms);
  const sink = { problems: [] as FormProblem[] };
  const predicate = compileCondition(condition, compiled.root, undefined, where, sink);
  return {
    problems: sink.problems,
    test: (answers, timeZone = DEFAULT_TIME_ZONE) =>
      predicate({ values: answers, prefix: '', run: { timeZone, errored: new Set() } }),
  };
}
