import { compileForm } from './compile.js';
import type { Env } from './compiled-types.js';
import { hasAnswer } from './conditions.js';
import { DEFAULT_TIME_ZONE } from './dates.js';
import type { Answers, FormError, TermDictionary, ValidateOptions } from './engine-types.js';
import type { FormDefinition } from './form-types.js';
import { rootField } from './paths.js';
import { validateAnswers } from './validate.js';

/** Task-list section progress, as GOV.UK task lists show it. */
export type SectionStatus = 'not-started' | 'in-progress' | 'completed';

/** Ids of the pages shown for these answers, in order. */
export function visiblePages(
  form: FormDefinition,
  answers: Answers,
  terms: TermDictionary,
  timeZone = DEFAULT_TIME_ZONE,
): string[] {
  const env: Env = { values: answers, prefix: '', run: { timeZone, errored: new Set() } };
  return compileForm(form, terms)
    .pages.filter((p) => !p.condition || p.condition(env))
    .map((p) => p.id);
}

/** The wizard page after `pageId` (skipping hidden pages), or undefined at the end (check your answers). */
export function nextPageId(
  form: FormDefinition,
  pageId: string,
  answers: Answers,
  terms: TermDictionary,
  timeZone?: string,
): string | undefined {
  const pages = compileForm(form, terms).pages;
  const shown = new Set(visiblePages(form, answers, terms, timeZone));
  const start = pages.findIndex((p) => p.id === pageId);
  return pages.slice(start + 1).find((p) => shown.has(p.id))?.id;
}

/** The page holding the question at an answer path (`items[1].quantity`), for change links and error summaries. */
export function pageIdForPath(form: FormDefinition, path: string, terms: TermDictionary): string | undefined {
  return compileForm(form, terms).root.byName.get(rootField(path))?.page.id;
}

/**
 * Errors for one page, as the shell shows them when the officer presses "Continue":
 * the submission errors (required answers included) of that page's questions.
 */
export function validatePage(
  form: FormDefinition,
  pageId: string,
  answers: Answers,
  options: Omit<ValidateOptions, 'mode'>,
): FormError[] {
  const page = compileForm(form, options.terms).pages.find((p) => p.id === pageId);
  if (!page) return [];
  const names = new Set(page.fields.map((f) => f.name));
  return validateAnswers(form, answers, { ...options, mode: 'submit' }).errors.filter((e) =>
    names.has(rootField(e.path)),
  );
}

/** Progress of each section of a task-list form. */
export function sectionStatuses(
  form: FormDefinition,
  answers: Answers,
  options: Omit<ValidateOptions, 'mode'>,
): { id: string; title: string; status: SectionStatus }[] {
  const compiled = compileForm(form, options.terms);
  const errors = validateAnswers(form, answers, { ...options, mode: 'submit' }).errors;
  return (form.sections ?? []).map((section) => {
    const fields = compiled.pages.filter((p) => p.source.section === section.id).flatMap((p) => p.fields);
    const names = new Set(fields.map((f) => f.name));
    const started = fields.some((f) => f.kind !== 'calculated' && hasAnswer(answers[f.name]));
    const failing = errors.some((e) => names.has(rootField(e.path)));
    const status: SectionStatus = !started ? 'not-started' : failing ? 'in-progress' : 'completed';
    return { id: section.id, title: section.title, status };
  });
}
