import { pageHeading } from './check-definition.js';
import type { TermDictionary } from './engine-types.js';
import type { FormDefinition } from './form-types.js';

/**
 * How a form's pages are grouped for moving through them: the tasks of a task list, the spokes
 * of a hub-and-spoke form. Both are "a run of pages the officer goes through, then returns".
 */
export interface PageGroup {
  id: string;
  title: string;
  hint?: string;
  /** Task ids that must be completed first (task lists only). */
  requires: string[];
  /** The group's pages, in form order. */
  pageIds: string[];
}

/** A section of a task list as shown: a heading (three levels) over its tasks; two levels have one untitled section. */
export interface TaskListSection {
  id?: string;
  title?: string;
  hint?: string;
  tasks: PageGroup[];
}

/** Whether a task list has three levels (its sections list tasks). */
export function hasTaskLevel(form: FormDefinition): boolean {
  return (form.sections ?? []).some((s) => Array.isArray(s?.tasks));
}

/** A task list's sections and tasks. Two levels: one section without a heading whose tasks are the form's sections. */
export function taskListSections(form: FormDefinition): TaskListSection[] {
  const sections = Array.isArray(form.sections) ? form.sections : [];
  const pagesOf = (key: 'section' | 'task', id: string) => form.pages.filter((p) => p?.[key] === id).map((p) => p.id);
  if (!hasTaskLevel(form))
    return [
      {
        tasks: sections.map((s) => ({
          id: s.id,
          title: s.title,
          hint: s.hint,
          requires: s.requires ?? [],
          pageIds: pagesOf('section', s.id),
        })),
      },
    ];
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    hint: s.hint,
    tasks: (s.tasks ?? []).map((t) => ({
      id: t.id,
      title: t.title,
      hint: t.hint,
      requires: t.requires ?? [],
      pageIds: pagesOf('task', t.id),
    })),
  }));
}

/** The spokes of a hub-and-spoke form: its sections, or (a form without sections) each page on its own. */
export function hubSpokes(form: FormDefinition, terms: TermDictionary): PageGroup[] {
  if (form.sections?.length)
    return form.sections.map((s) => ({
      id: s.id,
      title: s.title,
      hint: s.hint,
      requires: [],
      pageIds: form.pages.filter((p) => p.section === s.id).map((p) => p.id),
    }));
  return form.pages.map((p) => ({ id: p.id, title: pageHeading(p, terms), requires: [], pageIds: [p.id] }));
}

/** The task or spoke a page belongs to; undefined for wizard and single forms. */
export function groupOfPage(form: FormDefinition, pageId: string, terms: TermDictionary): PageGroup | undefined {
  return pageGroups(form, terms).find((g) => g.pageIds.includes(pageId));
}

/** Every task (task lists) or spoke (hub-and-spoke); none for other forms. */
export function pageGroups(form: FormDefinition, terms: TermDictionary): PageGroup[] {
  if (form.type === 'task-list') return taskListSections(form).flatMap((s) => s.tasks);
  if (form.type === 'hub-and-spoke') return hubSpokes(form, terms);
  return [];
}

/** The step a task list or hub-and-spoke form starts at and returns to (`tasks`, `hub`); undefined for the others. */
export function homeStep(form: FormDefinition): 'tasks' | 'hub' | undefined {
  return form.type === 'task-list' ? 'tasks' : form.type === 'hub-and-spoke' ? 'hub' : undefined;
}

/** Every step a form has: its pages, `check`, and `tasks` or `hub` (what a draft may be saved on). */
export function formSteps(form: FormDefinition): string[] {
  const home = homeStep(form);
  return [...form.pages.map((p) => p.id), ...(form.type === 'hub-and-spoke' ? [] : ['check']), ...(home ? [home] : [])];
}
