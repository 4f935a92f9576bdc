import { unknownKeys } from './definition-keys.js';
import type { FormProblem } from './engine-types.js';
import type { FormDefinition, Page } from './form-types.js';
import { hasTaskLevel } from './journey.js';

const ID = /^[a-z][a-z0-9-]*$/;
const ACTION_TYPES = ['continue', 'save-and-continue', 'save-and-return', 'navigate'];

/**
 * Problems with how a form is moved through: sections, tasks and their prerequisites, which
 * page belongs where, page buttons, the check-your-answers options and the case reference.
 */
export function journeyProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const sink = { problems };
  const sections = Array.isArray(form.sections) ? form.sections : [];
  const threeLevels = form.type === 'task-list' && hasTaskLevel(form);
  const taskIds = new Set<string>();
  const requires: { path: string; id: string; requires: unknown }[] = [];

  sections.forEach((section, i) => {
    if (typeof section !== 'object' || section === null) return;
    const at = `sections[${i}]`;
    if (section.hint !== undefined && !text(section.hint))
      problems.push({ path: `${at}.hint`, message: 'A hint must be text' });
    if (section.tasks !== undefined && !threeLevels)
      problems.push({ path: `${at}.tasks`, message: 'Only a task-list form has tasks' });
    if (section.requires !== undefined) {
      if (form.type !== 'task-list' || threeLevels)
        problems.push({
          path: `${at}.requires`,
          message: threeLevels
            ? 'In a task list with tasks, "requires" goes on the tasks'
            : 'Only a task-list form has prerequisites',
        });
      else requires.push({ path: `${at}.requires`, id: section.id, requires: section.requires });
    }
    if (form.type === 'task-list' && !threeLevels) taskIds.add(section.id);
    if (!threeLevels) return;
    if (!Array.isArray(section.tasks) || section.tasks.length === 0) {
      problems.push({
        path: `${at}.tasks`,
        message: `Section "${section.id}" needs tasks, as the form's other sections have`,
      });
      return;
    }
    section.tasks.forEach((task, j) => {
      const where = `${at}.tasks[${j}]`;
      unknownKeys(task, 'task', where, sink);
      if (typeof task?.id !== 'string' || !ID.test(task.id)) {
        problems.push({ path: `${where}.id`, message: 'Task id must be lower-case letters, digits and hyphens' });
        return;
      }
      if (taskIds.has(task.id) || sections.some((s) => s?.id === task.id))
        problems.push({
          path: `${where}.id`,
          message: `Duplicate task id "${task.id}" (task and section ids are unique)`,
        });
      taskIds.add(task.id);
      if (!text(task.title)) problems.push({ path: `${where}.title`, message: 'Task needs a title' });
      if (task.hint !== undefined && !text(task.hint))
        problems.push({ path: `${where}.hint`, message: 'A hint must be text' });
      if (task.requires !== undefined)
        requires.push({ path: `${where}.requires`, id: task.id, requires: task.requires });
    });
  });

  problems.push(...requiresProblems(requires, taskIds));
  form.pages.forEach((page, i) => pageJourneyProblems(form, page, `pages[${i}]`, threeLevels, taskIds, problems));
  if (form.type === 'task-list')
    for (const id of taskIds)
      if (!form.pages.some((p) => (threeLevels ? p?.task : p?.section) === id))
        problems.push({ path: 'sections', message: `Task "${id}" has no pages` });
  if (form.type === 'hub-and-spoke' && sections.some((s) => !form.pages.some((p) => p?.section === s?.id)))
    problems.push({ path: 'sections', message: 'Every section of a hub-and-spoke form needs pages' });
  problems.push(...optionProblems(form));
  return problems;
}

function pageJourneyProblems(
  form: FormDefinition,
  page: Page,
  at: string,
  threeLevels: boolean,
  taskIds: Set<string>,
  problems: FormProblem[],
): void {
  if (typeof page !== 'object' || page === null) return;
  if (threeLevels) {
    if (page.section !== undefined)
      problems.push({
        path: `${at}.section`,
        message: 'In a task list with tasks, a page names its "task", not a section',
      });
    if (typeof page.task !== 'string' || !taskIds.has(page.task))
      problems.push({ path: `${at}.task`, message: `Page "${page.id}" must belong to one of the form's tasks` });
  } else if (page.task !== undefined)
    problems.push({ path: `${at}.task`, message: 'Only a task list whose sections have tasks puts pages in tasks' });
  if (form.type === 'hub-and-spoke' && form.sections?.length && !form.sections.some((s) => s?.id === page.section))
    problems.push({ path: `${at}.section`, message: `Page "${page.id}" must belong to one of the form's sections` });
  if (page.actions === undefined) return;
  if (!Array.isArray(page.actions) || page.actions.length === 0) {
    problems.push({ path: `${at}.actions`, message: 'actions must be a list of at least one button' });
    return;
  }
  page.actions.forEach((action, j) => {
    const where = `${at}.actions[${j}]`;
    if (typeof action !== 'object' || action === null) {
      problems.push({ path: where, message: 'A page action must be an object' });
      return;
    }
    unknownKeys(action, 'action', where, { problems });
    if (!ACTION_TYPES.includes(action.type)) {
      problems.push({
        path: `${where}.type`,
        message: `A page action's type must be one of: ${ACTION_TYPES.join(', ')}`,
      });
      return;
    }
    if (action.label !== undefined && !text(action.label))
      problems.push({ path: `${where}.label`, message: 'A button label must be text' });
    if (action.type === 'save-and-return' && form.type !== 'task-list' && form.type !== 'hub-and-spoke')
      problems.push({
        path: `${where}.type`,
        message: '"save-and-return" returns to a task list or hub: only task-list and hub-and-spoke forms have it',
      });
    if (action.type !== 'navigate') {
      if (action.page !== undefined)
        problems.push({ path: `${where}.page`, message: 'Only a "navigate" action goes to a page' });
    } else if (typeof action.page !== 'string' || !form.pages.some((p) => p?.id === action.page))
      problems.push({
        path: `${where}.page`,
        message: `A "navigate" action needs "page", the id of one of the form's pages (got ${JSON.stringify(action.page)})`,
      });
    else if (action.page === page.id)
      problems.push({ path: `${where}.page`, message: `A "navigate" action cannot go to its own page "${page.id}"` });
  });
}

function requiresProblems(
  list: { path: string; id: string; requires: unknown }[],
  taskIds: Set<string>,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const graph = new Map<string, string[]>();
  for (const { path, id, requires } of list) {
    if (!Array.isArray(requires) || requires.length === 0 || requires.some((r) => typeof r !== 'string')) {
      problems.push({ path, message: '"requires" must be a list of task ids' });
      continue;
    }
    requires.forEach((r: string, k) => {
      if (r === id) problems.push({ path: `${path}[${k}]`, message: `Task "${id}" cannot require itself` });
      else if (!taskIds.has(r))
        problems.push({ path: `${path}[${k}]`, message: `Task "${id}" requires unknown task "${r}"` });
    });
    graph.set(id, requires as string[]);
  }
  // A cycle would leave every task in it "Cannot start yet" for ever: each task in one is named.
  const back = (start: string, id: string, trail: string[], seen: Set<string>): string[] | undefined => {
    for (const next of graph.get(id) ?? []) {
      if (next === start) return [...trail, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = back(start, next, [...trail, next], seen);
      if (found) return found;
    }
    return undefined;
  };
  for (const { path, id } of list) {
    const found = back(id, id, [id], new Set());
    if (found) problems.push({ path, message: `Tasks require each other in a circle: ${found.join(' → ')}` });
  }
  return problems;
}

function optionProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const cya = form.checkAnswers;
  if (cya !== undefined) {
    if (typeof cya !== 'object' || cya === null || Array.isArray(cya))
      problems.push({ path: 'checkAnswers', message: 'checkAnswers must be an object' });
    else {
      unknownKeys(cya, 'checkAnswers', 'checkAnswers', { problems });
      for (const key of ['hidePageTitles', 'hideChangeLinks'] as const)
        if (cya[key] !== undefined && typeof cya[key] !== 'boolean')
          problems.push({ path: `checkAnswers.${key}`, message: `${key} must be true or false` });
      if (cya.submitLabel !== undefined && !text(cya.submitLabel))
        problems.push({ path: 'checkAnswers.submitLabel', message: 'submitLabel must be text' });
    }
  }
  const reference = form.caseReference;
  if (reference !== undefined) {
    if (form.type !== 'task-list' && form.type !== 'hub-and-spoke')
      problems.push({
        path: 'caseReference',
        message: 'Only task-list and hub-and-spoke forms show the case reference',
      });
    if (typeof reference !== 'object' || reference === null || Array.isArray(reference))
      problems.push({ path: 'caseReference', message: 'caseReference must be an object with a label' });
    else {
      unknownKeys(reference, 'caseReference', 'caseReference', { problems });
      if (!text(reference.label))
        problems.push({ path: 'caseReference.label', message: 'caseReference needs a label ("Reference number")' });
    }
  }
  return problems;
}

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
