import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { commonMessage, toApiError } from '../../core/api/api-error';
import { downloadFile } from '../../core/api/download';
import { AuthService } from '../../core/auth/auth.service';
import { hasAnyRole } from '../../core/auth/user.model';
import { CaseView, TaskView } from '../../core/cases/cases.model';
import {
  AttachmentsService,
  attachmentUrl,
  displaySize,
  hasThumbnail,
  scanTag,
  type AttachmentView,
} from '../../core/cases/attachments.service';
import { CasesService } from '../../core/cases/cases.service';
import {
  PRIORITY_TAGS,
  claimErrorMessage,
  deliveryTag,
  displayDateTime,
  timelineText,
} from '../../core/cases/task-display';
import { AUDIT_ROLES, CaseAudit } from '../../core/ui/case-audit';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import { SuccessBanner } from '../../core/ui/success-banner';
import { CASE_MESSAGES, caseErrorMessage } from './case.messages';

/** One case: its answers, state, actions, tasks, comments, timeline and linked cases. */
@Component({
  selector: 'cop-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary, SuccessBanner, CaseAudit],
  templateUrl: './case.page.html',
  styles: `
    .cop-thumbnail {
      display: block;
      max-width: 160px;
      max-height: 160px;
      margin-bottom: 5px;
      border: 1px solid var(--govuk-border-colour, #b1b4b6);
    }
  `,
})
export class CasePage {
  private readonly cases = inject(CasesService);
  private readonly pageTitle = inject(PageTitle);
  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);
  readonly user = inject(AuthService).user;
  /** Whether the full audit trail is shown (managers and admins; officers see the history). */
  readonly canAudit = computed(() => hasAnyRole(this.user(), AUDIT_ROLES));

  /** Route parameter: case id or business key. */
  readonly id = input.required<string>();

  readonly messages = CASE_MESSAGES;
  readonly priority = PRIORITY_TAGS;
  readonly when = displayDateTime;
  readonly timelineText = timelineText;
  readonly deliveryTag = deliveryTag;
  /** Whether the PDF is being fetched, and what went wrong last time. */
  readonly downloading = signal(false);
  readonly pdfError = signal<string | null>(null);
  readonly view = signal<CaseView | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly busy = signal(false);
  /** Confirmation shown at the top: the submission panel, or a banner after an action. */
  readonly submitted = signal<string | null>(null);
  readonly done = signal<string | null>(null);
  readonly conflict = signal<string | null>(null);
  readonly actionError = signal<string | null>(null);
  /** The action or claim refusal as the error summary lists it (it takes focus). */
  readonly actionProblems = computed<FieldProblem[]>(() => {
    const message = this.actionError();
    return message ? [{ fieldId: '', message }] : [];
  });
  readonly comment = signal('');
  readonly commentProblems = signal<FieldProblem[]>([]);
  readonly commentError = computed(() => this.commentProblems()[0]?.message ?? null);
  /** The case's files, with their virus-scan state. */
  readonly files = signal<AttachmentView[]>([]);
  readonly scanning = signal(true);
  readonly fileError = signal<string | null>(null);
  /** Object URLs of the photos' thumbnails, by file id. */
  readonly thumbnails = signal<Record<string, string>>({});
  readonly tag = scanTag;
  readonly size = displaySize;
  private readonly attachments = inject(AttachmentsService);

  constructor() {
    const state = (this.router.currentNavigation()?.extras.state ?? history.state ?? {}) as {
      submitted?: string;
      done?: string;
    };
    this.submitted.set(typeof state.submitted === 'string' ? state.submitted : null);
    this.done.set(typeof state.done === 'string' ? state.done : null);
    effect(() => void this.load(this.id()));
    inject(DestroyRef).onDestroy(() => Object.values(this.thumbnails()).forEach((url) => URL.revokeObjectURL(url)));
  }

  async load(id: string): Promise<void> {
    try {
      const view = await firstValueFrom(this.cases.case(id));
      this.view.set(view);
      this.loadError.set(null);
      void this.loadFiles(view.id);
      this.pageTitle.setPage(`${view.businessKey} - ${view.pluginTitle}`);
    } catch (error: unknown) {
      const e = toApiError(error);
      this.loadError.set(e.status === 404 ? CASE_MESSAGES.notFound : caseErrorMessage(e));
      this.pageTitle.setPage(e.status === 404 ? 'Case not found' : 'Sorry, there is a problem');
    }
  }

  async reload(event: Event): Promise<void> {
    event.preventDefault();
    this.conflict.set(null);
    this.done.set(null);
    this.submitted.set(null);
    await this.load(this.id());
  }

  /** Takes an action that has no form. */
  async act(actionId: string, label: string): Promise<void> {
    const view = this.view();
    if (!view || this.busy()) return;
    this.busy.set(true);
    this.conflict.set(null);
    this.actionError.set(null);
    try {
      this.view.set(await firstValueFrom(this.cases.act(view.id, actionId, view.version)));
      this.submitted.set(null);
      this.done.set(`${label}: done`);
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 409) this.conflict.set(CASE_MESSAGES.conflict);
      else this.actionError.set(caseErrorMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  async claim(task: TaskView, claim: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    this.done.set(null);
    try {
      await firstValueFrom(claim ? this.cases.claim(task.id) : this.cases.unclaim(task.id));
      await this.load(this.id());
      this.done.set(claim ? `You claimed "${task.title}"` : `You released "${task.title}"`);
    } catch (error: unknown) {
      this.actionError.set(claimErrorMessage(toApiError(error)));
      await this.load(this.id());
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

  typeComment(event: Event): void {
    this.comment.set(eventValue(event));
  }

  async addComment(event: Event): Promise<void> {
    event.preventDefault();
    const view = this.view();
    const body = this.comment().trim();
    if (!view) return;
    if (!body) {
      this.commentProblems.set([{ fieldId: 'comment', message: CASE_MESSAGES.commentRequired }]);
      this.pageTitle.setError(true);
      return;
    }
    try {
      await firstValueFrom(this.cases.comment(view.id, body));
      this.comment.set('');
      this.commentProblems.set([]);
      this.pageTitle.setError(false);
      await this.load(this.id());
    } catch (error: unknown) {
      const e = toApiError(error);
      this.commentProblems.set([{ fieldId: 'comment', message: e.errors[0]?.message ?? caseErrorMessage(e) }]);
      this.pageTitle.setError(true);
    }
  }

  /** The case as a PDF: fetched with the bearer token as a blob, then saved (a plain link cannot carry the token). */
  private async loadFiles(caseId: string): Promise<void> {
    try {
      const list = await firstValueFrom(this.attachments.caseFiles(caseId));
      this.files.set(list.attachments);
      this.scanning.set(list.scanning);
      for (const file of list.attachments.filter((f) => hasThumbnail(f) && !this.thumbnails()[f.id])) {
        this.attachments.thumbnail(file.id).subscribe({
          next: (blob) => this.thumbnails.update((all) => ({ ...all, [file.id]: URL.createObjectURL(blob) })),
          error: () => undefined,
        });
      }
    } catch {
      this.files.set([]);
    }
  }

  /** Downloads one of the case's files (the core audits it). */
  async openFile(event: Event, file: AttachmentView): Promise<void> {
    event.preventDefault();
    this.fileError.set(null);
    try {
      await downloadFile(this.http, attachmentUrl(file.id), file.name);
    } catch (error: unknown) {
      const e = toApiError(error);
      this.fileError.set(e.status === 409 && e.message ? e.message : (commonMessage(e) ?? CASE_MESSAGES.fileFailed));
      const view = this.view();
      if (view) void this.loadFiles(view.id);
    }
  }

  async downloadPdf(event: Event): Promise<void> {
    event.preventDefault();
    const view = this.view();
    if (!view || this.downloading()) return;
    this.downloading.set(true);
    this.pdfError.set(null);
    try {
      await downloadFile(this.http, `/api/cases/${encodeURIComponent(view.id)}/pdf`, `${view.businessKey}.pdf`);
    } catch (error: unknown) {
      this.pdfError.set(commonMessage(toApiError(error)) ?? CASE_MESSAGES.pdfFailed);
    } finally {
      this.downloading.set(false);
    }
  }

  stateTag(view: CaseView): string {
    return view.terminal ? 'govuk-tag--grey' : 'govuk-tag--blue';
  }
}
