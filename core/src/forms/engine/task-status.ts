import { compileForm } from './compile.js';
import type { CompiledField, Env } from './compiled-types.js';
import { hasAnswer } from './conditions.js';
import { DEFAULT_TIME_ZONE } from './dates.js';
import type { Answers, FormError, TermDictionary, ValidateOptions } from './engine-types.js';
import type { FormDefinition } from './form-types.js';
import { taskListSections, type PageGroup } from './journey.js';
import { rootField } from './paths.js';
import { validateAnswers } from './validate.js';

/** A task's state, as the GOV.UK task list shows it. */
export type TaskStatus = 'cannot-start-yet' | 'not-started' | 'in-progress' | 'completed';

/** One task of the task list, for these answers. */
export interface TaskState {
  id: string;
  title: string;
  hint?: string;
  status: TaskStatus;
  /** Whether the task has no required question, so the officer marks it complete themselves. */
  markable: boolean;
  /** The page its link opens (its first page shown); undefined while it cannot start yet. */
  startPage?: string;
}

/** A section of the task list (two levels: one, without a title). */
export interface TaskListState {
  id?: string;
  title?: string;
  hint?: string;
  tasks: TaskState[];
}

/** Options for task states: validation's, and the tasks the officer marked complete. */
export type TaskStatusOptions = Omit<ValidateOptions, 'mode'> & {
  /** Ids of tasks marked complete (only a task without required questions needs it). */
  completed?: readonly string[];
  /** Submission errors already worked out for these answers (the shell's, with its date checks). */
  errors?: readonly FormError[];
};

/**
 * Every task's state. A task whose pages are all hidden for these answers is left out (and
 * counts as done for tasks that require it). Otherwise, in this order:
 * - **cannot start yet** while a task it `requires` is not completed;
 * - a task **without required questions** is completed once marked complete (and its answers
 *   are valid), in progress when something is answered, else not started;
 * - any other task: not started with nothing answered, completed when its questions have no
 *   submission errors, else in progress.
 */
export function taskStatuses(form: FormDefinition, answers: Answers, options: TaskStatusOptions): TaskListState[] {
  const compiled = compileForm(form, options.terms);
  const errors = options.errors ?? validateAnswers(form, answers, { ...options, mode: 'submit' }).errors;
  const failing = new Set(errors.map((e) => rootField(e.path)));
  const env: Env = {
    values: answers,
    prefix: '',
    run: { timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, errored: new Set() },
  };
  const shown = new Set(compiled.pages.filter((p) => !p.condition || p.condition(env)).map((p) => p.id));
  const marked = new Set(options.completed ?? []);
  const sections = taskListSections(form);
  const byId = new Map(sections.flatMap((s) => s.tasks).map((t) => [t.id, t]));

  const own = new Map<string, TaskState>();
  const base = (task: PageGroup): TaskState => {
    let state = own.get(task.id);
    if (state) return state;
    const fields = compiled.pages.filter((p) => task.pageIds.includes(p.id)).flatMap((p) => p.fields);
    const markable = markableTasks(form, options.terms).includes(task.id);
    const started = fields.some((f) => f.kind !== 'calculated' && hasAnswer(answers[f.name]));
    const invalid = fields.some((f) => failing.has(f.name));
    const status: TaskStatus = markable
      ? marked.has(task.id) && !invalid
        ? 'completed'
        : started || marked.has(task.id)
          ? 'in-progress'
          : 'not-started'
      : !started
        ? 'not-started'
        : invalid
          ? 'in-progress'
          : 'completed';
    const startPage = task.pageIds.find((id) => shown.has(id));
    state = { id: task.id, title: task.title, hint: task.hint, status, markable, startPage };
    own.set(task.id, state);
    return state;
  };
  const done = new Map<string, boolean>();
  const isDone = (id: string, seen: Set<string>): boolean => {
    const task = byId.get(id);
    if (!task || seen.has(id)) return true; // unknown ids and cycles are definition problems
    if (done.has(id)) return done.get(id)!;
    const state = base(task);
    const result = !state.startPage || (state.status === 'completed' && ready(task, new Set([...seen, id])));
    done.set(id, result);
    return result;
  };
  const ready = (task: PageGroup, seen: Set<string>) => task.requires.every((r) => isDone(r, seen));

  return sections.map((section) => ({
    id: section.id,
    title: section.title,
    hint: section.hint,
    tasks: section.tasks
      .map(base)
      .filter((state) => state.startPage !== undefined)
      .map((state) => {
        const task = byId.get(state.id)!;
        return ready(task, new Set([task.id]))
          ? state
          : { ...state, status: 'cannot-start-yet' as const, startPage: undefined };
      }),
  }));
}

/** Ids of the tasks the officer marks complete: those without a required question. */
export function markableTasks(form: FormDefinition, terms: TermDictionary): string[] {
  if (form.type !== 'task-list') return [];
  const compiled = compileForm(form, terms);
  return taskListSections(form)
    .flatMap((s) => s.tasks)
    .filter((task) => !compiled.pages.some((p) => task.pageIds.includes(p.id) && p.fields.some(needsAnswer)))
    .map((task) => task.id);
}

/** Whether every task shown is completed (the form can go on to check your answers and be sent). */
export function allTasksCompleted(states: readonly TaskListState[]): boolean {
  return states.every((s) => s.tasks.every((t) => t.status === 'completed'));
}

/** A question that must be answered: required, or a group needing items. */
function needsAnswer(field: CompiledField): boolean {
  if (field.kind === 'calculated') return false;
  return field.required || (field.minItems ?? 0) > 0;
}
