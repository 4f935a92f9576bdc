import { compileForm } from './compile.js';
import type { FormProblem, TermDictionary } from './engine-types.js';
import { CONTENT_TYPES } from './compile-field.js';
import { unknownKeys } from './definition-keys.js';
import type { Component, FormDefinition, Page } from './form-types.js';
import { journeyProblems } from './check-journey.js';
import { hasTaskLevel } from './journey.js';

const FORM_ID = /^[a-z][a-z0-9-]*$/;
const FORM_TYPES = ['single', 'wizard', 'task-list', 'hub-and-spoke'];

/**
 * Checks a form declaration for problems: malformed form metadata, unknown component
 * types, duplicate names, unknown or contradicted terms, conditions on unknown or later
 * fields, calculations over non-numeric fields and so on. An empty list means the form is
 * usable; the plugin host quarantines a plugin whose forms have problems.
 */
export function checkFormDefinition(form: FormDefinition, terms: TermDictionary): FormProblem[] {
  if (typeof form !== 'object' || form === null) return [{ path: '', message: 'A form must be an object' }];
  const problems: FormProblem[] = [];
  unknownKeys(form, 'form', '', { problems });
  if (typeof form.id !== 'string' || !FORM_ID.test(form.id))
    problems.push({ path: 'id', message: 'Form id must be lower-case letters, digits and hyphens' });
  if (!Number.isInteger(form.version) || form.version < 1)
    problems.push({ path: 'version', message: 'Form version must be a whole number, 1 or more' });
  if (typeof form.title !== 'string' || !form.title) problems.push({ path: 'title', message: 'Form needs a title' });
  if (!FORM_TYPES.includes(form.type))
    problems.push({ path: 'type', message: `Form type must be one of: ${FORM_TYPES.join(', ')}` });
  if (!Array.isArray(form.pages) || form.pages.length === 0) {
    problems.push({ path: 'pages', message: 'Form needs at least one page' });
    return problems;
  }
  if (form.type === 'single' && form.pages.length !== 1)
    problems.push({ path: 'pages', message: 'A single-page form has exactly one page' });
  problems.push(...pageProblems(form));
  problems.push(...journeyProblems(form));
  problems.push(...compileForm(form, terms).problems);
  return problems;
}

function pageProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const ids = new Set<string>();
  const sections = new Set((form.sections ?? []).map((s) => s.id));
  if (form.type === 'task-list' && sections.size === 0)
    problems.push({ path: 'sections', message: 'A task-list form needs sections' });
  if (form.sections !== undefined && !Array.isArray(form.sections))
    problems.push({ path: 'sections', message: 'sections must be a list' });
  else
    (form.sections ?? []).forEach((section, i) => {
      unknownKeys(section, 'section', `sections[${i}]`, { problems });
      if (typeof section?.id !== 'string' || !FORM_ID.test(section.id))
        problems.push({
          path: `sections[${i}].id`,
          message: 'Section id must be lower-case letters, digits and hyphens',
        });
      if (typeof section?.title !== 'string' || !section.title)
        problems.push({ path: `sections[${i}].title`, message: 'Section needs a title' });
    });
  form.pages.forEach((page, i) => {
    if (typeof page !== 'object' || page === null) {
      problems.push({ path: `pages[${i}]`, message: 'A page must be an object' });
      return;
    }
    unknownKeys(page, 'page', `pages[${i}]`, { problems });
    if (typeof page.id !== 'string' || !FORM_ID.test(page.id))
      problems.push({ path: `pages[${i}].id`, message: 'Page id must be lower-case letters, digits and hyphens' });
    else if (ids.has(page.id)) problems.push({ path: `pages[${i}].id`, message: `Duplicate page id "${page.id}"` });
    ids.add(page.id);
    if (page.title !== undefined && (typeof page.title !== 'string' || !page.title))
      problems.push({ path: `pages[${i}].title`, message: 'A page title must be text' });
    else if (page.title === undefined && !firstQuestion(page))
      problems.push({
        path: `pages[${i}].title`,
        message: `Page "${String(page.id)}" needs a title, or a question first whose label is the page heading`,
      });
    if (
      form.type === 'task-list' &&
      !hasTaskLevel(form) &&
      (page.section === undefined || !sections.has(page.section))
    ) {
      problems.push({
        path: `pages[${i}].section`,
        message: `Page "${page.id}" must belong to one of the form's sections`,
      });
    }
  });
  return problems;
}

/** The first component of a page when it is a question that can head it (not content, a group, a calculation or a file). */
function firstQuestion(page: Page): Component | undefined {
  const first = Array.isArray(page.components) ? page.components[0] : undefined;
  if (typeof first !== 'object' || first === null) return undefined;
  const type = (first as { type?: string }).type;
  // A file question's label sits in its upload control, so it cannot be the page heading.
  if (type === 'group' || type === 'calculated' || type === 'file' || (type !== undefined && CONTENT_TYPES.has(type)))
    return undefined;
  return first;
}

/**
 * A page's heading: its title, or (a page without one) the label of its first question, which
 * the shell then shows as the page's h1 (the GOV.UK pattern for a page with one question).
 */
export function pageHeading(page: Page, terms: TermDictionary): string {
  if (page.title) return page.title;
  const first = firstQuestion(page) as { label?: string; term?: string } | undefined;
  return first?.label ?? (first?.term ? terms[first.term]?.label : undefined) ?? '';
}
