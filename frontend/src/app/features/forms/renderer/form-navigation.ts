/**
 * How the shell moves through a form (plain TypeScript, no Angular): a page's buttons, where
 * each goes, and the task list's states, with the shared engine's rules and the shell's own
 * validation (which adds its date-input checks). The browser replay of the shared form-case
 * table runs this very code, so the shell and the server agree on every move.
 */
import {
  actionDestination,
  pageActions,
  taskStatuses,
  type Answers,
  type FormDefinition,
  type FormError,
  type TaskListState,
} from '../../../core/forms/engine';
import { FORM_TIME_ZONE, validateForShell, type DatePartsMap, type ShellValidationOptions } from './form-logic';

/** What pressing a page's button gives in the shell: the page's errors, or the next step. */
export interface ShellActionOutcome {
  errors: FormError[];
  to?: string;
}

/**
 * Pressing button `actionIndex` of a page: its check (the page's questions as on submission,
 * or as a draft for "Save and return"), then where it goes (a page id, `check`, `tasks`, `hub`).
 */
export function shellActionOutcome(
  form: FormDefinition,
  pageId: string,
  actionIndex: number,
  answers: Answers,
  parts: DatePartsMap,
  options: ShellValidationOptions & { changing?: boolean; keepHidden?: boolean },
): ShellActionOutcome {
  const action = pageActions(form, pageId)[actionIndex];
  if (!action) return { errors: [{ path: '', message: `Page "${pageId}" has no button ${actionIndex}` }] };
  const check = (id: string, mode: 'submit' | 'draft') =>
    validateForShell(form, answers, parts, { ...options, mode, pageId: id });
  const result = check(pageId, action.check);
  if (result.errors.length) return { errors: result.errors };
  const to = actionDestination(form, pageId, action, result.answers, {
    terms: options.terms,
    timeZone: FORM_TIME_ZONE,
    changing: options.changing,
    incomplete: (id) => check(id, 'submit').errors.length > 0,
  });
  return { errors: [], to };
}

/** The task list's states for what the officer has typed (answers as they will be sent). */
export function shellTaskStatuses(
  form: FormDefinition,
  answers: Answers,
  parts: DatePartsMap,
  options: ShellValidationOptions & { completed?: readonly string[]; keepHidden?: boolean },
): TaskListState[] {
  const result = validateForShell(form, answers, parts, { ...options, mode: 'submit' });
  return taskStatuses(form, result.sent, {
    ...options,
    timeZone: FORM_TIME_ZONE,
    completed: options.completed,
    errors: result.errors,
  });
}
