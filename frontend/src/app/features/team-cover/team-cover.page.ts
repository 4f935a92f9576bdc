import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { displayDateTime } from '../../core/cases/task-display';
import { ReferenceRow, ReferenceService } from '../../core/reference/reference.service';
import { ErrorSummary } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import { SuccessBanner } from '../../core/ui/success-banner';
import { CoverList } from './cover-list';
import { DateInput } from '../../core/ui/date-input';
import {
  CoverInput,
  CoverProblem,
  DateTimeParts,
  checkCover,
  coverServerProblems,
  emptyCover,
  problemOn,
  teamChoices,
} from './team-cover-form';
import {
  COVER_FIELDS,
  REASON_MAX,
  TEAM_COVER_MESSAGES,
  endErrorMessage,
  grantErrorMessage,
  loadErrorMessage,
} from './team-cover.messages';
import { TeamCoverService, TeamCoverView } from './team-cover.service';

/**
 * Managers (and admins) see who covers their command's teams, end a cover at once, and give
 * someone cover of a team until a date and time. The core checks every grant again and its
 * field errors are placed on the form.
 */
@Component({
  selector: 'cop-team-cover-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, SuccessBanner, CoverList, DateInput],
  templateUrl: './team-cover.page.html',
})
export class TeamCoverPage {
  private readonly service = inject(TeamCoverService);
  private readonly reference = inject(ReferenceService);
  private readonly pageTitle = inject(PageTitle);
  private readonly user = inject(AuthService).user;

  /** Messages, for the template. */
  readonly messages = TEAM_COVER_MESSAGES;
  /** Input ids, for the template. */
  readonly ids = COVER_FIELDS;
  /** The reason's longest length. */
  readonly reasonMax = REASON_MAX;
  /** "12 April 2026, 2:30pm", UK time. */
  readonly when = displayDateTime;

  /** Covers and memberships on the caller's teams; null while loading. */
  readonly all = signal<TeamCoverView[] | null>(null);
  /** Why the list could not be loaded. */
  readonly listError = signal<string | null>(null);
  /** The teams reference rows; null until loaded. */
  private readonly teamRows = signal<ReferenceRow[] | null>(null);
  /** Why the teams could not be loaded. */
  readonly teamsError = signal<string | null>(null);
  /** What the manager has entered. */
  readonly entered = signal<CoverInput>(emptyCover());
  /** Problems from the last attempt, shown in the error summary and beside the inputs. */
  readonly problems = signal<readonly CoverProblem[]>([]);
  /** What the last grant or end did. */
  readonly success = signal<string | null>(null);
  /** Whether a grant or end is in flight. */
  readonly busy = signal(false);

  /** Time-limited covers. */
  readonly covers = computed(() => this.all()?.filter((c) => c.kind === 'cover') ?? null);
  /** Standing memberships (only an admin adds them). */
  readonly members = computed(() => this.all()?.filter((c) => c.kind === 'member') ?? []);
  /** Teams offered in the select: the manager's own command (every team for an admin). */
  readonly teams = computed(() => teamChoices(this.teamRows() ?? [], this.user()));
  /** Whether every team is offered (admins). */
  readonly everyTeam = computed(() => !!this.user()?.roles.includes('admin'));

  /** Inline error for the username. */
  readonly usernameError = computed(() => problemOn(this.problems(), COVER_FIELDS.username)?.message ?? null);
  /** Inline error for the team. */
  readonly teamError = computed(() => problemOn(this.problems(), COVER_FIELDS.teamId)?.message ?? null);
  /** The problem with the start, and its boxes at fault. */
  readonly fromProblem = computed(() => problemOn(this.problems(), COVER_FIELDS.validFrom));
  /** The problem with the end, and its boxes at fault. */
  readonly toProblem = computed(() => problemOn(this.problems(), COVER_FIELDS.validTo));
  /** Inline error for the reason. */
  readonly reasonError = computed(() => problemOn(this.problems(), COVER_FIELDS.reason)?.message ?? null);

  constructor() {
    void this.load();
    void this.loadTeams();
  }

  /** Fetches the list again. */
  async load(): Promise<void> {
    try {
      this.all.set(await firstValueFrom(this.service.list()));
      this.listError.set(null);
    } catch (error: unknown) {
      this.listError.set(loadErrorMessage(toApiError(error)));
    }
  }

  /** Copies a text input, the select or the textarea into the entries. */
  set(field: 'username' | 'teamId' | 'reason', event: Event): void {
    const value = eventValue(event);
    this.entered.update((entered) => ({ ...entered, [field]: value }));
  }

  /** Sets the start or end boxes. */
  setWhen(field: 'from' | 'to', parts: DateTimeParts): void {
    this.entered.update((entered) => ({ ...entered, [field]: parts }));
  }

  /** Checks the form, gives the cover, and on success empties the form and lists the cover. */
  async grant(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.success.set(null);
    const checked = checkCover(this.entered());
    if (!checked.request) return this.show(checked.problems);
    this.busy.set(true);
    try {
      const cover = await firstValueFrom(this.service.grant(checked.request));
      this.show([]);
      this.entered.set(emptyCover());
      // The boxes may not have been rendered with what was typed, so the bindings alone might not clear them.
      (event.target as HTMLFormElement | null)?.reset?.();
      await this.load();
      this.success.set(TEAM_COVER_MESSAGES.granted(cover.displayName, cover.teamName, this.when(cover.validTo)));
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 400 && e.errors.length) this.show(coverServerProblems(e.errors));
      else this.show([{ fieldId: '', message: grantErrorMessage(e) }]);
    } finally {
      this.busy.set(false);
    }
  }

  /** Ends a cover at once, then lists what is left. */
  async end(cover: TeamCoverView): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.success.set(null);
    this.show([]);
    try {
      await firstValueFrom(this.service.end(cover.id));
      await this.load();
      this.success.set(TEAM_COVER_MESSAGES.ended(cover.displayName, cover.teamName));
    } catch (error: unknown) {
      const e = toApiError(error);
      this.show([{ fieldId: '', message: endErrorMessage(e) }]);
      if (e.status === 404) await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  /** Ids an input is described by: its hint and, while there is one, its error. */
  describedBy(hintId: string | null, errorId: string, error: string | null): string | null {
    return [hintId ?? '', error ? errorId : ''].filter(Boolean).join(' ') || null;
  }

  private async loadTeams(): Promise<void> {
    try {
      this.teamRows.set(await firstValueFrom(this.reference.rows('teams')));
    } catch (error: unknown) {
      this.teamsError.set(loadErrorMessage(toApiError(error), TEAM_COVER_MESSAGES.teamsFailed));
    }
  }

  private show(problems: CoverProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }
}
