import { compileForm } from './compile.js';
import type { Env } from './compiled-types.js';
import { DEFAULT_TIME_ZONE } from './dates.js';
import type { Answers, FormError, TermDictionary, ValidateOptions } from './engine-types.js';
import type { FormDefinition, PageAction } from './form-types.js';
import { groupOfPage, homeStep } from './journey.js';
import { rootField } from './paths.js';
import { validateAnswers } from './validate.js';

/** A page's button with its text and what it checks before it goes. */
export interface ResolvedAction {
  type: PageAction['type'];
  label: string;
  /** `navigate`: the page it goes to. */
  page?: string;
  /** `submit`: the page's questions as on submission (required ones too); `draft`: only as a draft is checked. */
  check: 'submit' | 'draft';
}

/** The default text of each kind of button. */
export function defaultActionLabel(form: FormDefinition, type: PageAction['type']): string {
  switch (type) {
    case 'continue':
    case 'navigate':
      return 'Continue';
    case 'save-and-continue':
      return 'Save and continue';
    case 'save-and-return':
      return form.type === 'hub-and-spoke' ? 'Save and return to the summary' : 'Save and return to the task list';
  }
}

/** A page's buttons: its `actions`, or the default ("Continue"; task lists and hubs "Save and continue"). */
export function pageActions(form: FormDefinition, pageId: string): ResolvedAction[] {
  const page = form.pages.find((p) => p.id === pageId);
  const declared: PageAction[] = page?.actions?.length
    ? page.actions
    : [{ type: homeStep(form) ? 'save-and-continue' : 'continue' }];
  return declared.map((a) => ({
    type: a.type,
    label: a.label ?? defaultActionLabel(form, a.type),
    ...(a.type === 'navigate' ? { page: a.page } : {}),
    check: a.type === 'save-and-return' ? 'draft' : 'submit',
  }));
}

/** Where moving on from a page goes. */
export interface NavigationOptions {
  terms: TermDictionary;
  timeZone?: string;
  /** Whether the officer came from check your answers to change an answer (`?change=1`). */
  changing?: boolean;
  /** Whether a page still has errors (after a change, the officer is taken through those). */
  incomplete?: (pageId: string) => boolean;
}

/**
 * The step after pressing a page's button (a page id, `check`, `tasks` or `hub`), once its check
 * passed. Continue goes to the next page shown in the same task or spoke (a wizard: the next
 * page), then to the task list, the hub or check your answers. After a change from check your
 * answers, only through pages the change left incomplete, then back there. Save and return goes
 * to the task list or hub. Navigate goes to its page when it is shown (else as Continue would).
 */
export function actionDestination(
  form: FormDefinition,
  pageId: string,
  action: Pick<ResolvedAction, 'type' | 'page'>,
  answers: Answers,
  options: NavigationOptions,
): string {
  const compiled = compileForm(form, options.terms);
  const env: Env = {
    values: answers,
    prefix: '',
    run: { timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, errored: new Set() },
  };
  const shown = compiled.pages.filter((p) => !p.condition || p.condition(env)).map((p) => p.id);
  const home = homeStep(form);
  const end = home ?? 'check';
  if (action.type === 'save-and-return') return end;
  if (action.type === 'navigate' && action.page && shown.includes(action.page)) return action.page;
  const group = groupOfPage(form, pageId, options.terms);
  const order = form.pages.map((p) => p.id);
  const later = order
    .slice(order.indexOf(pageId) + 1)
    .filter((id) => shown.includes(id) && (!group || group.pageIds.includes(id)));
  if (options.changing && form.type !== 'hub-and-spoke') {
    const incomplete = later.find((id) => options.incomplete?.(id));
    return incomplete ?? 'check';
  }
  return later[0] ?? end;
}

/** What pressing a button gives: the page's errors (then the officer stays), or where it goes. */
export interface ActionOutcome {
  errors: FormError[];
  /** The next step; undefined when the page has errors. */
  to?: string;
}

/**
 * Pressing button `actionIndex` of a page, as the server's engine judges it (the shell does the
 * same through its own validation, which adds its date-input checks): the page's errors when
 * its check fails, else the destination.
 */
export function pageActionOutcome(
  form: FormDefinition,
  pageId: string,
  actionIndex: number,
  answers: Answers,
  options: Omit<ValidateOptions, 'mode'> & { changing?: boolean },
): ActionOutcome {
  const action = pageActions(form, pageId)[actionIndex];
  if (!action) return { errors: [{ path: '', message: `Page "${pageId}" has no button ${actionIndex}` }] };
  const pageErrors = (id: string, mode: 'submit' | 'draft'): FormError[] => {
    const names = new Set(
      compileForm(form, options.terms)
        .pages.find((p) => p.id === id)
        ?.fields.map((f) => f.name),
    );
    return validateAnswers(form, answers, { ...options, mode }).errors.filter((e) => names.has(rootField(e.path)));
  };
  const errors = pageErrors(pageId, action.check);
  if (errors.length) return { errors };
  const cleaned = validateAnswers(form, answers, { ...options, mode: 'draft' }).answers;
  return {
    errors: [],
    to: actionDestination(form, pageId, action, cleaned, {
      ...options,
      incomplete: (id) => pageErrors(id, 'submit').length > 0,
    }),
  };
}
