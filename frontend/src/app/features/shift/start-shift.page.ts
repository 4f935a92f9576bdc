import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { safeReturnUrl } from '../../core/auth/return-url';
import { ReferenceRow, ReferenceService } from '../../core/reference/reference.service';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import { lastLocation, rememberLocation } from './last-location';
import { PortPicker } from './port-picker';
import { SHIFT_FIELD_IDS, SHIFT_MESSAGES, shiftErrorMessage } from './shift.messages';
import { ShiftService, type ShiftTeam } from './shift.service';

/** Chooses the team and location for this shift; shown after sign-in until a shift is started. */
@Component({
  selector: 'cop-start-shift-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, PortPicker],
  templateUrl: './start-shift.page.html',
})
export class StartShiftPage {
  private readonly shifts = inject(ShiftService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);

  /** Query parameter: where to go once the shift has started. */
  readonly returnUrl = input<string>();

  /** The signed-in user. */
  readonly user = inject(AuthService).user;
  /** Teams to choose from (only those the officer may work on); null while loading, 'failed' when they could not be loaded. */
  readonly teams = toSignal(this.shifts.teams().pipe(catchError(() => of('failed' as const))), {
    initialValue: null,
  });
  /** Message shown when teams cannot be loaded. */
  readonly teamsUnavailable = SHIFT_MESSAGES.teamsUnavailable;

  /** The chosen team id; defaults to the user's own team. */
  readonly teamId = signal(this.user()?.teamId ?? '');
  /** The chosen port: the last one this officer used on this device, else the team's usual port. */
  readonly location = signal<ReferenceRow | null>(lastLocation(this.user()?.id ?? ''));
  private readonly reference = inject(ReferenceService);
  /** The port the page chose from the team (replaced when the team changes, unlike the officer's own choice). */
  private teamDefault: ReferenceRow | null = null;
  /** Whether the start request is in flight. */
  readonly submitting = signal(false);
  /** Problems from the last attempt. */
  readonly problems = signal<readonly FieldProblem[]>([]);

  /** Inline error for the team select. */
  readonly teamError = computed(() => this.problemFor('team'));
  /** Inline error for the location picker. */
  readonly locationError = computed(() => this.problemFor('location-search'));

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      if (teamId) untracked(() => void this.defaultFromTeam(teamId));
    });
  }

  /** With no port remembered (or only the last team's), the team's usual port (its `attributes.port`). */
  private async defaultFromTeam(teamId: string): Promise<void> {
    const current = this.location();
    if (current && current !== this.teamDefault) return;
    try {
      const [teams, ports] = await firstValueFrom(
        forkJoin([this.reference.rows('teams'), this.reference.rows('ports')]),
      );
      const portId = teams.find((t) => t.id === teamId)?.attributes?.['port'];
      const port = ports.find((p) => p.id === portId) ?? null;
      if (this.teamId() !== teamId || this.location() !== current) return; // changed meanwhile
      this.teamDefault = port;
      this.location.set(port);
    } catch {
      // No default: the officer searches for the port.
    }
  }

  /** Copies the team select's value into its signal. */
  chooseTeam(event: Event): void {
    this.teamId.set(eventValue(event));
  }

  /** Validates and starts the shift, then continues to the page the user wanted. */
  async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    const problems: FieldProblem[] = [];
    if (!this.teamId()) problems.push({ fieldId: 'team', message: SHIFT_MESSAGES.teamRequired });
    if (!this.location()) problems.push({ fieldId: 'location-search', message: SHIFT_MESSAGES.locationRequired });
    this.show(problems);
    if (problems.length) return;

    this.submitting.set(true);
    try {
      const user = await this.shifts.start(this.teamId(), this.location()!.id);
      rememberLocation(user.id, this.location()!);
      this.pageTitle.setError(false);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error: unknown) {
      const apiError = toApiError(error);
      const fieldProblems = apiError.errors.map((e) => ({
        fieldId: SHIFT_FIELD_IDS[e.path] ?? '',
        message: e.message,
      }));
      this.show(fieldProblems.length ? fieldProblems : [{ fieldId: '', message: shiftErrorMessage(apiError) }]);
    } finally {
      this.submitting.set(false);
    }
  }

  /** The team's name as offered, saying until when a cover lasts. */
  teamLabel(team: ShiftTeam): string {
    if (team.via !== 'cover' || !team.validTo) return team.label;
    const until = new Date(team.validTo).toLocaleString('en-GB', {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/London',
    });
    return `${team.label} (cover until ${until})`;
  }

  /** Whether the team list is an array (loaded). */
  loadedTeams(): ShiftTeam[] | null {
    const teams = this.teams();
    return Array.isArray(teams) ? teams : null;
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }

  private problemFor(fieldId: string): string | null {
    return this.problems().find((problem) => problem.fieldId === fieldId)?.message ?? null;
  }
}
