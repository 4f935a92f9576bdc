import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom, forkJoin, of } from 'rxjs';
import { catchError, map } from 'rxjs/operators';
import { toApiError } from '../../../core/api/api-error';
import { AuthService } from '../../../core/auth/auth.service';
import { AttachmentsService, byId } from '../../../core/cases/attachments.service';
import { CasesService, newUuid } from '../../../core/cases/cases.service';
import { DraftKept } from '../../../core/cases/draft-kept';
import { DraftStore, LocalDraft } from '../../../core/cases/draft-store';
import { DraftSync } from '../../../core/cases/draft-sync';
import {
  compileForm,
  groupOfPage,
  homeStep,
  pageActions,
  pageHeading,
  readonlyFields,
  readonlyPrefill,
  standardTerms,
  summarise,
  type CompiledField,
  type ReferenceRow,
  type TaskStatus,
} from '../../../core/forms/engine';
import { FormDefinition, PluginSummary } from '../../../core/plugins/plugin.model';
import { ReferenceService } from '../../../core/reference/reference.service';
import { ErrorSummary, FieldProblem } from '../../../core/ui/error-summary';
import { PageTitle } from '../../../core/ui/page-title';
import { checkAnswersGroups, hubGroups } from './answer-groups';
import { FormField } from './form-field';
import { locateErrors, validateForShell, withoutReadonly, type LocatedError } from './form-logic';
import { shellActionOutcome, shellTaskStatuses } from './form-navigation';
import { FormState } from './form-state';
import { RENDERER_MESSAGES, submitErrorMessage } from './renderer.messages';

/** A workflow action whose form this renderer fills in (instead of starting a case). */
export interface ActionTarget {
  caseId: string;
  businessKey: string;
  actionId: string;
  label: string;
  version: number;
}

/** Status of a task, as the GOV.UK task list shows it. */
const STATUS_TEXT: Record<TaskStatus, string> = {
  'cannot-start-yet': 'Cannot start yet',
  'not-started': 'Not yet started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

/**
 * Renders a form declaration: one page per screen (wizard and single forms) or a GOV.UK task
 * list, validation with the shared engine on "Continue" and on submit, check your answers with
 * change links, drafts (server and this device) and submission. Steps live in the URL
 * (`?draft=<id>&page=<page id>|check|tasks`) so Back and reload work.
 */
@Component({
  selector: 'cop-form-renderer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary, FormField, DraftKept],
  providers: [FormState],
  templateUrl: './form-renderer.html',
})
export class FormRenderer implements OnInit {
  readonly state = inject(FormState);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly cases = inject(CasesService);
  private readonly reference = inject(ReferenceService);
  private readonly store = inject(DraftStore);
  private readonly sync = inject(DraftSync);
  private readonly auth = inject(AuthService);
  private readonly pageTitle = inject(PageTitle);
  private readonly injector = inject(Injector);
  private readonly attachments = inject(AttachmentsService);

  /** The workflow. */
  readonly plugin = input.required<PluginSummary>();
  /** The form to fill in. */
  readonly form = input.required<FormDefinition>();
  /** Set when the form belongs to a workflow action on a case. */
  readonly action = input<ActionTarget | null>(null);

  readonly messages = RENDERER_MESSAGES;
  /** Whether answers and reference data are ready. */
  readonly ready = signal(false);
  /** A message when the form cannot be used (lists failed to load). */
  readonly fatal = signal<string | null>(null);
  /** A banner after saving a draft. */
  readonly notice = signal<{ kind: 'success' | 'important'; text: string } | null>(null);
  readonly submitting = signal(false);
  readonly draftId = signal<string | null>(null);
  /** A message when the action could not be taken because the case changed. */
  readonly conflict = signal<string | null>(null);
  /** Errors of the last full validation, shown again on the page that holds each. */
  private readonly pending = signal<readonly LocatedError[]>([]);
  /** One Idempotency-Key per submission attempt, kept across retries until the answers change. */
  private idempotencyKey: string | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The page an error summary link is taking the officer to (its errors are shown there). */
  private followed: string | null = null;
  /** A new form's answers as pre-filled, until the officer changes one (then null). */
  private untouched: string | null = null;
  /** Task lists: the tasks the officer marked complete (those without required questions). */
  readonly completedTasks = signal<readonly string[]>([]);
  /** The business key shown at the top (the case's, or the one the core reserved for the draft). */
  readonly businessKey = signal<string | null>(null);
  /** The answer to "Have you completed this task?" on a task's last page: 'yes', 'no' or none yet. */
  readonly markChoice = signal<'yes' | 'no' | null>(null);

  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  /** The declaration the engine reads: the same FormDefinition type, kept as a name the template uses. */
  readonly engineForm = this.form;
  readonly compiled = computed(() => compileForm(this.engineForm(), standardTerms));
  readonly isTaskList = computed(() => this.engineForm().type === 'task-list');
  /** Whether the form is hub-and-spoke: its hub summarises every section and submits. */
  readonly isHub = computed(() => this.engineForm().type === 'hub-and-spoke');
  /** The step a task list or hub returns to (`tasks`, `hub`), or null. */
  readonly home = computed(() => homeStep(this.engineForm()) ?? null);
  /** Pages shown for the current answers. */
  readonly visiblePageIds = computed(() => {
    const env = this.state.env();
    return this.compiled()
      .pages.filter((p) => !p.condition || p.condition(env))
      .map((p) => p.id);
  });
  /** The step in the URL: a page id, 'check', 'tasks' or 'hub'. A task that cannot start yet opens the task list. */
  readonly step = computed(() => {
    const requested = this.query().get('page');
    const home = this.home();
    if (requested === 'check' && !this.isHub()) return 'check';
    if (requested && requested === home) return home;
    if (requested && this.visiblePageIds().includes(requested)) {
      const task = this.isTaskList() ? groupOfPage(this.engineForm(), requested, standardTerms) : undefined;
      if (!task || this.taskStatus(task.id) !== 'cannot-start-yet') return requested;
    }
    return home ?? this.visiblePageIds()[0] ?? 'check';
  });
  readonly changing = computed(() => this.query().get('change') === '1');
  /** The case this one follows from (`?linked=<business key>`, e.g. the target of an outcome): pre-fills it and is linked on submit. */
  readonly linked = computed(() => this.query().get('linked'));
  readonly page = computed(() => this.engineForm().pages.find((p) => p.id === this.step()) ?? null);
  /** The page's heading: its title, or its first question's label (then that label is the page's h1). */
  readonly heading = computed(() => {
    const page = this.page();
    return page ? pageHeading(page, standardTerms) : '';
  });
  /** Whether the page has no title, so its first question's label is the page heading (GOV.UK pattern). */
  readonly questionIsHeading = computed(() => !this.page()?.title);
  readonly backLink = computed(() => this.previousStep());
  /** The task list: its sections (one without a title for two levels) and each task's state. */
  readonly taskList = computed(() =>
    this.isTaskList()
      ? shellTaskStatuses(this.engineForm(), this.state.answers(), this.state.parts(), {
          ...this.state.options(),
          completed: this.completedTasks(),
        }).map((section) => ({
          ...section,
          tasks: section.tasks.map((t) => ({ ...t, text: STATUS_TEXT[t.status] })),
        }))
      : [],
  );
  /** The buttons of the page shown. */
  readonly actions = computed(() => {
    const step = this.step();
    return this.page() ? pageActions(this.engineForm(), step) : [];
  });
  /** The markable task whose last page is shown: it asks "Have you completed this task?". */
  readonly markTask = computed(() => {
    const step = this.step();
    if (!this.isTaskList() || !this.page()) return null;
    const group = groupOfPage(this.engineForm(), step, standardTerms);
    const state = this.taskList()
      .flatMap((s) => s.tasks)
      .find((t) => t.id === group?.id);
    const shown = this.visiblePageIds();
    const last = [...(group?.pageIds ?? [])].reverse().find((id) => shown.includes(id));
    return state?.markable && last === step ? state : null;
  });
  /** The check-your-answers options of the form. */
  readonly cya = computed(() => this.engineForm().checkAnswers ?? {});
  readonly summary = computed(() =>
    summarise(this.engineForm(), this.state.cleaned(), { terms: standardTerms, reference: this.state.lookup() }),
  );
  /** Check your answers, page by page (or in one list); on a hub, section by section. */
  readonly answerGroups = computed(() =>
    this.isHub()
      ? hubGroups(this.engineForm(), this.summary(), this.visiblePageIds())
      : checkAnswersGroups(this.engineForm(), this.summary()),
  );
  readonly problems = computed<FieldProblem[]>(() =>
    this.state.errors().map((e) => ({ fieldId: e.fieldId, message: e.message, pageId: e.pageId })),
  );

  constructor() {
    // Keep the form on this device as the officer goes, so nothing is lost offline or at sign-in.
    effect(() => {
      const answers = this.state.answers();
      const parts = this.state.parts();
      const page = this.step();
      this.completedTasks();
      if (!this.ready() || this.action()) return;
      untracked(() => {
        this.idempotencyKey = null;
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => void this.keepLocal(answers, parts, page), 250);
      });
    });
    // The page title follows the step, prefixed "Error: " while the page shows errors.
    effect(() => {
      const step = this.step();
      if (!this.ready()) return;
      const title =
        step === 'check'
          ? 'Check your answers'
          : step === 'tasks' || step === 'hub'
            ? this.form().title
            : this.heading() || this.form().title;
      // Errors are tracked too: arriving on a page clears the last page's after this runs.
      const hasErrors = this.state.errors().length > 0;
      untracked(() => {
        this.pageTitle.setPage(`${title} - ${this.plugin().title}`);
        this.pageTitle.setError(hasErrors);
      });
    });
    // Arriving on a page: focus its heading, as a new page would be announced, unless its error
    // summary (the errors the last full check found there) takes focus instead.
    effect(() => {
      this.step();
      if (!this.ready()) return;
      untracked(() =>
        afterNextRender(
          {
            write: () => {
              if (this.state.errors().length) return;
              document.querySelector<HTMLElement>('main h1.cop-page-heading')?.focus();
            },
          },
          { injector: this.injector },
        ),
      );
    });
    // Arriving on a page: show the errors the last full check found there. A task list's section
    // is the officer's to start: opened from the list, its errors wait for "Save and continue"
    // (not so when a link in the error summary, or a change from check your answers, led there).
    effect(() => {
      const step = this.step();
      untracked(() => {
        const followed = this.followed === step;
        this.followed = null;
        this.markChoice.set(null);
        if (this.isTaskList() && step !== 'check' && step !== 'tasks' && !followed && !this.changing()) {
          this.state.errors.set([]);
          return;
        }
        const everything = step === 'check' || step === 'hub';
        this.state.errors.set(this.pending().filter((e) => (everything ? true : e.pageId === step)));
      });
    });
    // Files still waiting for the virus scan: ask again until each has a verdict.
    effect((onCleanup) => {
      const waiting = Object.values(this.state.uploads()).some((u) => u.status === 'pending');
      if (!waiting) return;
      const timer = setTimeout(() => void this.loadUploads(), 3000);
      onCleanup(() => clearTimeout(timer));
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.saveTimer));
  }

  async ngOnInit(): Promise<void> {
    this.state.form.set(this.engineForm());
    this.state.workflow.set(this.plugin().id);
    const sets = await this.loadSets();
    if (!sets) {
      this.fatal.set(RENDERER_MESSAGES.listsFailed);
      return;
    }
    this.state.sets.set(sets);
    const action = this.action();
    if (action) {
      this.businessKey.set(action.businessKey);
      this.state.uploadTarget.set({ kind: 'case', caseId: action.caseId, actionId: action.actionId });
      await this.loadReadonly();
      await this.loadUploads();
      this.ready.set(true);
      return;
    }
    const draftId = this.query().get('draft');
    if (draftId) {
      await this.resume(draftId);
      await this.loadReadonly();
    } else await this.startNew();
    this.state.uploadTarget.set({
      kind: 'draft',
      pluginId: this.plugin().id,
      draftId: this.draftId()!,
      formId: this.form().id,
    });
    await this.loadUploads();
    this.ready.set(true);
  }

  /** What the core holds of this form's uploads (their scan states); left as it was when it cannot be asked. */
  private async loadUploads(): Promise<void> {
    const target = this.state.uploadTarget();
    if (!target || !this.compiled().pages.some((p) => hasFileQuestion(p.fields))) return;
    try {
      const list = await firstValueFrom(this.attachments.list(target));
      this.state.uploads.set(byId(list.attachments));
      this.state.scanning.set(list.scanning);
      this.state.uploadsKnown.set(true);
    } catch {
      // Offline or refused: the core checks the files again on submit.
    }
  }

  /**
   * A page's button (`index` in its actions; the form's submit is the first): check the page
   * (as on submission, or as a draft for "Save and return"), keep the task's mark, save the
   * draft for the "Save …" buttons, then go where the engine says.
   */
  press(index: number, event?: Event): void {
    event?.preventDefault();
    const pageId = this.step();
    const action = this.actions()[index];
    if (!action) return;
    const outcome = shellActionOutcome(this.engineForm(), pageId, index, this.state.answers(), this.state.parts(), {
      ...this.state.options(),
      changing: this.changing(),
    });
    this.pending.update((pending) => pending.filter((e) => e.pageId !== pageId));
    if (outcome.errors.length) {
      this.show(locateErrors(this.engineForm(), standardTerms, outcome.errors));
      return;
    }
    this.show([]);
    const task = this.markTask();
    const choice = this.markChoice();
    if (task && choice)
      this.completedTasks.update((ids) =>
        choice === 'yes' ? [...new Set([...ids, task.id])] : ids.filter((id) => id !== task.id),
      );
    void this.go(outcome.to!).then(() => {
      if (action.type === 'save-and-continue' || action.type === 'save-and-return') void this.saveQuietly();
    });
  }

  /** Whether the task with this id is marked complete. */
  marked(taskId: string): boolean {
    return this.completedTasks().includes(taskId);
  }

  /** Submits the answers (or takes the action), after a full check. */
  async submit(): Promise<void> {
    if (this.submitting()) return;
    const result = validateForShell(this.engineForm(), this.state.answers(), this.state.parts(), {
      ...this.state.options(),
      mode: 'submit',
    });
    if (result.errors.length) {
      this.showAll(result.errors);
      return;
    }
    this.submitting.set(true);
    this.conflict.set(null);
    const action = this.action();
    this.idempotencyKey ??= newUuid();
    try {
      if (action) {
        await firstValueFrom(this.cases.act(action.caseId, action.actionId, action.version, result.sent));
        this.pageTitle.setError(false);
        await this.router.navigate(['/cases', action.businessKey], { state: { done: `${action.label}: done` } });
        return;
      }
      const linked = this.linked();
      const view = await firstValueFrom(
        this.cases.submit(this.plugin().id, result.sent, this.draftId(), this.idempotencyKey, linked ? [linked] : []),
      );
      const id = this.draftId();
      if (id) await this.sync.discard(this.plugin().id, id);
      this.pageTitle.setError(false);
      await this.router.navigate(['/cases', view.businessKey], { state: { submitted: view.businessKey } });
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 409) this.conflict.set(e.message ?? RENDERER_MESSAGES.conflict);
      else if (e.status === 400 && e.errors.length) this.showAll(e.errors);
      else if (e.status === 0 && !action) {
        // Offline: kept as a draft to send once the server can be reached, as the message says.
        const draft = this.localDraft();
        if (draft) await this.sync.save(draft, this.draftAnswers());
        this.show([{ path: '', message: RENDERER_MESSAGES.offlineSubmit, fieldId: '' }]);
      } else this.show([{ path: '', message: submitErrorMessage(e), fieldId: '' }]);
    } finally {
      this.submitting.set(false);
    }
  }

  /** A "Save …" button's save: to the server (or this device), without a banner; refusals are shown. */
  private async saveQuietly(): Promise<void> {
    const draft = this.localDraft();
    if (!draft || this.action()) return;
    const outcome = await this.sync.save(draft, this.draftAnswers());
    if (outcome === 'saved') await this.loadReference();
    else if (outcome !== 'on-device' && outcome.errors.length) this.showAll(outcome.errors);
  }

  /** The business key the core reserved for this draft (a form showing its reference), once saved there. */
  private async loadReference(): Promise<void> {
    const id = this.draftId();
    if (!this.engineForm().caseReference || !id || this.businessKey()) return;
    try {
      const draft = await firstValueFrom(this.cases.draft(this.plugin().id, id));
      this.businessKey.set(draft.businessKey ?? null);
    } catch {
      // Not reachable: the reference is shown once the draft reaches the core.
    }
  }

  /** "Save as draft": to the server, or on this device until back online. */
  async saveDraft(): Promise<void> {
    const draft = this.localDraft();
    if (!draft) return;
    const outcome = await this.sync.save(draft, this.draftAnswers());
    if (outcome === 'saved') await this.loadReference();
    if (outcome === 'saved') this.notice.set({ kind: 'success', text: RENDERER_MESSAGES.draftSaved });
    else if (outcome === 'on-device') this.notice.set({ kind: 'important', text: RENDERER_MESSAGES.savedOnDevice });
    else if (outcome.errors.length) this.showAll(outcome.errors);
    else this.show([{ path: '', message: submitErrorMessage(outcome), fieldId: '' }]);
    if (outcome === 'saved' || outcome === 'on-device')
      setTimeout(() => document.getElementById('draft-notice')?.focus(), 0);
  }

  /** The answers a draft keeps: cleaned as for a draft, without calculated values. */
  private draftAnswers(): Record<string, unknown> {
    const cleaned = validateForShell(this.engineForm(), this.state.answers(), this.state.parts(), {
      ...this.state.options(),
      mode: 'draft',
    }).answers;
    for (const f of this.compiled().root.fields) if (f.kind === 'calculated') delete cleaned[f.name];
    return cleaned;
  }

  /** Error summary link to a question on another page. */
  followError(problem: FieldProblem): void {
    if (!problem.pageId) return;
    this.followed = problem.pageId;
    // Focus the question once its page has rendered (after the error summary took focus there).
    void this.go(problem.pageId, true).then(() =>
      afterNextRender({ read: () => document.getElementById(problem.fieldId)?.focus() }, { injector: this.injector }),
    );
  }

  /** Query params of a change link. */
  changeLink(pageId: string): Record<string, string> {
    return { page: pageId, change: '1' };
  }

  /** A task's state for the current answers. */
  private taskStatus(taskId: string): TaskStatus | undefined {
    return this.taskList()
      .flatMap((s) => s.tasks)
      .find((t) => t.id === taskId)?.status;
  }

  private validate(pageId: string): LocatedError[] {
    const result = validateForShell(this.engineForm(), this.state.answers(), this.state.parts(), {
      ...this.state.options(),
      mode: 'submit',
      pageId,
    });
    return locateErrors(this.engineForm(), standardTerms, result.errors);
  }

  private show(errors: LocatedError[]): void {
    this.state.errors.set(errors);
    this.pageTitle.setError(errors.length > 0);
  }

  /** Errors of the whole form (or the server's), shown where the officer is and kept for each page. */
  private showAll(errors: readonly { path: string; message: string }[]): void {
    const located = locateErrors(this.engineForm(), standardTerms, errors);
    this.pending.set(located.filter((e) => e.pageId));
    this.show(located);
  }

  private previousStep(): { step: string | null; label: string } {
    const step = this.step();
    if (this.action()) return { step: null, label: `Back to ${this.action()!.businessKey}` };
    if (this.changing() && step !== 'check') return { step: 'check', label: 'Back' };
    const home = this.linked() ? `Back to ${this.linked()}` : 'Back to your forms';
    if (step === this.home()) return { step: null, label: home };
    const pages = this.engineForm().pages;
    const shown = new Set(this.visiblePageIds());
    if (this.home()) return { step: this.home(), label: 'Back' };
    if (step === 'check') {
      const last = [...pages].reverse().find((p) => shown.has(p.id));
      return { step: last?.id ?? null, label: 'Back' };
    }
    const at = pages.findIndex((p) => p.id === step);
    const before = pages
      .slice(0, at)
      .reverse()
      .find((p) => shown.has(p.id));
    return before ? { step: before.id, label: 'Back' } : { step: null, label: home };
  }

  /** Back link's target. */
  backParams(): Record<string, string | null> {
    const step = this.backLink().step;
    return { page: step, change: this.changing() && step !== 'check' ? '1' : null };
  }

  private async go(step: string, change = this.changing()): Promise<void> {
    this.notice.set(null);
    const keepChange = change && step !== 'check' && step !== this.home();
    await this.router.navigate([], {
      queryParams: { page: step, change: keepChange ? '1' : null },
      queryParamsHandling: 'merge',
    });
  }

  private async loadSets(): Promise<Record<string, ReferenceRow[]> | null> {
    const sets = this.state.referenceSets();
    if (!sets.length) return {};
    const requests = sets.map((set) =>
      this.reference.rows(set, { flag: this.plugin().id }).pipe(
        map((rows) => rows as ReferenceRow[]),
        catchError(() => of(null)),
      ),
    );
    const rows = await firstValueFrom(forkJoin(requests));
    if (rows.some((r) => r === null)) return null;
    return Object.fromEntries(sets.map((set, i) => [set, rows[i]!]));
  }

  private async resume(draftId: string): Promise<void> {
    this.draftId.set(draftId);
    const user = this.auth.user();
    const local = await this.store.get(draftId);
    if (local && local.userId === user?.id && local.pluginId === this.plugin().id) {
      this.state.answers.set(local.answers);
      this.state.parts.set(local.dateParts ?? {});
      this.completedTasks.set(local.completedTasks ?? []);
      this.businessKey.set(local.businessKey ?? null);
      void this.loadReference();
      // Reopened from "Your drafts" (no page in the link): carry on where the officer left it.
      if (!this.query().get('page') && local.page && local.page !== this.step())
        await this.router.navigate([], {
          queryParams: { page: local.page },
          queryParamsHandling: 'merge',
          replaceUrl: true,
        });
      return;
    }
    try {
      const draft = await firstValueFrom(this.cases.draft(this.plugin().id, draftId));
      this.state.answers.set(draft.answers ?? {});
      this.completedTasks.set(draft.completedTasks ?? []);
      this.businessKey.set(draft.businessKey ?? null);
      // Saved on another device (or this one's copy is gone): carry on at the page it was saved on.
      if (!this.query().get('page') && draft.page && draft.page !== this.step())
        await this.router.navigate([], {
          queryParams: { page: draft.page },
          queryParamsHandling: 'merge',
          replaceUrl: true,
        });
    } catch {
      this.notice.set({ kind: 'important', text: RENDERER_MESSAGES.draftMissing });
    }
  }

  private async startNew(): Promise<void> {
    const id = newUuid();
    this.draftId.set(id);
    try {
      const answers = await firstValueFrom(this.cases.prefill(this.plugin().id, this.form().id, this.linked()));
      this.keepReadonly(answers);
      this.state.answers.set(withoutReadonly(this.engineForm(), standardTerms, answers));
    } catch {
      this.state.answers.set({});
    }
    this.untouched = JSON.stringify([this.state.answers(), this.state.parts()]);
    await this.router.navigate([], { queryParams: { draft: id }, queryParamsHandling: 'merge', replaceUrl: true });
    // A form showing its reference at the top is started as a draft at once, so the core gives it its key.
    if (this.engineForm().caseReference) {
      this.untouched = null;
      await this.saveQuietly();
    }
  }

  /**
   * The read-only questions' answers as the core pre-fills them now (a resumed draft or an
   * action form): shown, validated and sent as the core will keep them. Left unknown offline.
   */
  private async loadReadonly(): Promise<void> {
    if (readonlyFields(this.engineForm(), standardTerms).length === 0) return;
    try {
      this.keepReadonly(await firstValueFrom(this.cases.prefill(this.plugin().id, this.form().id)));
      this.state.answers.update((answers) => withoutReadonly(this.engineForm(), standardTerms, answers));
    } catch {
      // Offline or refused: the draft's answers stand, and the core checks them on submit.
    }
  }

  private keepReadonly(prefilled: Record<string, unknown>): void {
    if (readonlyFields(this.engineForm(), standardTerms).length === 0) return;
    this.state.prefilled.set(readonlyPrefill(this.engineForm(), standardTerms, prefilled));
  }

  private localDraft(): LocalDraft | null {
    const id = this.draftId();
    const user = this.auth.user();
    if (!id || !user) return null;
    const step = this.step();
    return {
      id,
      userId: user.id,
      pluginId: this.plugin().id,
      formId: this.form().id,
      answers: this.state.answers(),
      dateParts: this.state.parts(),
      page: step,
      completedTasks: [...this.completedTasks()],
      businessKey: this.businessKey(),
      updatedAt: new Date().toISOString(),
      pendingSync: false,
    };
  }

  private async keepLocal(answers: Record<string, unknown>, parts: unknown, _page: string): Promise<void> {
    const draft = this.localDraft();
    if (!draft || !Object.keys(answers).length) return;
    // A new form is kept (and listed in "Your drafts") once the officer has answered something,
    // not merely because it was opened with its pre-filled answers.
    if (this.untouched !== null && this.untouched === JSON.stringify([answers, parts])) return;
    this.untouched = null;
    await this.store.saveLocal(draft);
  }
}

function hasFileQuestion(fields: readonly CompiledField[]): boolean {
  return fields.some((f) => f.kind === 'file' || (f.children !== undefined && hasFileQuestion(f.children.fields)));
}
