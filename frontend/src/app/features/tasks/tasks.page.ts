import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { catchError, firstValueFrom, of } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { TaskPage, TaskPriority, TaskQuery, TaskView } from '../../core/cases/cases.model';
import { CasesService } from '../../core/cases/cases.service';
import { PRIORITY_TAGS, claimErrorMessage, displayDateTime } from '../../core/cases/task-display';
import { PluginsService } from '../../core/plugins/plugins.service';

import { Breakpoint } from '../../core/ui/breakpoint';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { PageTitle } from '../../core/ui/page-title';
import { SuccessBanner } from '../../core/ui/success-banner';
import { tasksErrorMessage } from './tasks.messages';

const PRIORITIES: TaskPriority[] = ['urgent', 'high', 'medium', 'low'];
const SORTS = [
  { value: 'priority', label: 'Priority (highest first)' },
  { value: 'due', label: 'Due date (soonest first)' },
  { value: 'created', label: 'Created (newest first)' },
] as const;

/** My tasks and my team's tasks: filters, sort, claim and unclaim, paging by cursor. Everything is in the URL. */
@Component({
  selector: 'cop-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgTemplateOutlet, ErrorSummary, SuccessBanner],
  templateUrl: './tasks.page.html',
})
export class TasksPage {
  private readonly cases = inject(CasesService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);
  readonly user = inject(AuthService).user;
  /** Whether the screen is a phone's: tasks are summary cards rather than a table. */
  readonly narrow = inject(Breakpoint).narrow;

  /** Query parameters. */
  readonly tab = input<string>();
  readonly plugin = input<string>();
  readonly priority = input<string>();
  readonly overdue = input<string>();
  readonly sort = input<string>();
  readonly cursor = input<string>();
  /**
   * The cursors of the pages before this one, oldest first ("-" for the first page), so
   * "Previous" can go back a page: keyset cursors only lead forward.
   */
  readonly prev = input<string>();
  private readonly trail = computed(() => (this.cursor() ? (this.prev() ?? '').split(',').filter(Boolean) : []));
  /** The page the URL asks for, 1 for the first page. */
  private readonly requestedPage = computed(() => (this.cursor() ? Math.max(2, this.trail().length + 1) : 1));
  /** The number of the page on screen: set with its rows, so the label never runs ahead of them. */
  readonly pageNumber = signal(1);
  /** Counts loads, so a slow answer to an earlier query never replaces a later one. */
  private loads = 0;

  readonly priorities = PRIORITIES;
  readonly sorts = SORTS;
  readonly tags = PRIORITY_TAGS;
  readonly when = displayDateTime;
  readonly plugins = toSignal(
    inject(PluginsService)
      .list()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  readonly page = signal<TaskPage | null>(null);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  readonly notice = signal<string | null>(null);
  /** Why the last claim or release was refused; kept while the list reloads after it. */
  readonly claimError = signal<string | null>(null);
  /** What the error summary lists (it takes focus when this changes). */
  readonly problems = computed<FieldProblem[]>(() =>
    [this.claimError(), this.error()].filter((m): m is string => !!m).map((message) => ({ fieldId: '', message })),
  );

  readonly scope = computed<'mine' | 'team'>(() => (this.tab() === 'team' ? 'team' : 'mine'));
  readonly heading = computed(() => (this.scope() === 'team' ? "My team's tasks" : 'My tasks'));
  readonly query = computed<TaskQuery>(() => ({
    scope: this.scope(),
    plugin: this.plugin() || undefined,
    priority: PRIORITIES.includes(this.priority() as TaskPriority) ? (this.priority() as TaskPriority) : undefined,
    overdue: this.overdue() === 'true',
    sort: (SORTS.some((s) => s.value === this.sort()) ? this.sort() : 'priority') as TaskQuery['sort'],
    limit: 25,
    cursor: this.cursor() || undefined,
  }));
  readonly pluginTitle = computed(() => new Map(this.plugins().map((p) => [p.id, p.title])));

  constructor() {
    effect(() => void this.load(this.query()));
    effect(() => this.pageTitle.setPage(this.scope() === 'team' ? "My team's tasks" : 'My tasks'));
  }

  async load(query: TaskQuery): Promise<void> {
    const load = ++this.loads;
    const pageNumber = untracked(() => this.requestedPage());
    try {
      const page = await firstValueFrom(this.cases.tasks(query));
      if (load !== this.loads) return;
      this.page.set(page);
      this.pageNumber.set(pageNumber);
      this.error.set(null);
    } catch (error: unknown) {
      if (load !== this.loads) return;
      this.error.set(tasksErrorMessage(toApiError(error)));
    }
  }

  /** Query parameters of the next page: its cursor, and this page added to the trail. */
  nextParams(next: string): Record<string, string> {
    return { cursor: next, prev: [...this.trail(), this.cursor() || '-'].join(',') };
  }

  /** Query parameters of the page before: the last of the trail (the first page if the trail was lost). */
  previousParams(): Record<string, string | null> {
    const trail = this.trail();
    const last = trail[trail.length - 1];
    if (!last || last === '-') return { cursor: null, prev: null };
    return { cursor: last, prev: trail.slice(0, -1).join(',') || null };
  }

  /** Applies the filter form: every choice goes into the URL, back to the first page. */
  applyFilters(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string): string | null => {
      const v = data.get(name);
      return typeof v === 'string' && v ? v : null;
    };
    void this.router.navigate([], {
      queryParams: {
        plugin: value('plugin'),
        priority: value('priority'),
        overdue: value('overdue'),
        sort: value('sort'),
        cursor: null,
        prev: null,
      },
      queryParamsHandling: 'merge',
    });
  }

  async claim(task: TaskView, claim: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.notice.set(null);
    this.claimError.set(null);
    try {
      const updated = await firstValueFrom(claim ? this.cases.claim(task.id) : this.cases.unclaim(task.id));
      this.page.update(
        (page) => page && { ...page, tasks: page.tasks.map((t) => (t.id === updated.id ? updated : t)) },
      );
      this.notice.set(
        claim
          ? `You claimed "${task.title}" on ${task.businessKey}`
          : `You released "${task.title}" on ${task.businessKey}`,
      );
    } catch (error: unknown) {
      this.claimError.set(claimErrorMessage(toApiError(error)));
      await this.load(this.query());
    } finally {
      this.busy.set(false);
    }
  }

  /** Whether to offer Claim: the core says whether this user may (open, nobody's, in their queues, for their role). */
  canClaim(task: TaskView): boolean {
    return task.canClaim;
  }

  canUnclaim(task: TaskView): boolean {
    return task.status === 'open' && task.assignee?.id === this.user()?.id;
  }

  selected(current: string | undefined, value: string): boolean {
    return (current ?? '') === value;
  }
}
