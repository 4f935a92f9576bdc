import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { downloadFile } from '../../core/api/download';
import { AuthService } from '../../core/auth/auth.service';
import { ReferenceRow, ReferenceService } from '../../core/reference/reference.service';
import { ReportParameter, ReportSummary } from '../../core/reports/reports.model';
import { ReportsService } from '../../core/reports/reports.service';
import { DateInput } from '../../core/ui/date-input';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import {
  DateParts,
  ParameterInput,
  checkInput,
  emptyInput,
  fieldId,
  problemFor,
  serverProblems,
  useRadios,
} from './report-form';
import { REPORT_MESSAGES, reportErrorMessage } from './reports.messages';

/** Which reference set each chooser type reads. */
const SETS: Partial<Record<ReportParameter['type'], string>> = {
  team: 'teams',
  command: 'organisation',
  port: 'ports',
};

/** What an empty choice means for each optional chooser. */
const ANY: Partial<Record<ReportParameter['type'], string>> = {
  team: 'Every team in your command',
  command: 'Your own command',
  port: 'Every location',
  select: 'Not chosen',
};

/**
 * A report's parameters, built from its `parameters`: GOV.UK date inputs for dates and months,
 * drop-downs of reference data for team, command and location (limited to the manager's own
 * command where the core would refuse others), radios for short lists. Starting the run goes
 * to its progress page.
 */
@Component({
  selector: 'cop-report-parameters-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary, DateInput],
  templateUrl: './report-parameters.page.html',
  // Drop-downs of long names (teams, locations) fill the column but not beyond it on phones.
  styles: `
    .cop-select-wide {
      width: 100%;
      max-width: 30em;
    }
  `,
})
export class ReportParametersPage {
  private readonly reports = inject(ReportsService);
  private readonly reference = inject(ReferenceService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);
  private readonly user = inject(AuthService).user;
  private readonly http = inject(HttpClient);

  /** Route parameter: the report's id. */
  readonly reportId = input.required<string>();

  readonly messages = REPORT_MESSAGES;
  /** The spreadsheet files a report downloads as, beside its PDF. */
  readonly formats = [
    { id: 'csv', label: 'CSV' },
    { id: 'xlsx', label: 'XLSX' },
  ] as const;
  readonly fieldId = fieldId;
  readonly useRadios = useRadios;
  readonly report = signal<ReportSummary | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly entries = signal<ParameterInput>({});
  readonly problems = signal<readonly FieldProblem[]>([]);
  readonly busy = signal(false);
  /** Reference rows by set, once fetched. */
  readonly rows = signal<Record<string, ReferenceRow[]>>({});

  /** Choices for each chooser parameter, by name. */
  readonly choices = computed(() => {
    const report = this.report();
    const out: Partial<Record<string, { value: string; label: string }[]>> = {};
    if (!report) return out;
    for (const p of report.parameters) {
      if (p.type === 'select') out[p.name] = p.options ?? [];
      else if (SETS[p.type]) out[p.name] = this.choicesFor(p.type, this.rows()[SETS[p.type]!] ?? []);
    }
    return out;
  });

  constructor() {
    effect(() => {
      const id = this.reportId();
      untracked(() => void this.load(id));
    });
  }

  async load(id: string): Promise<void> {
    try {
      const report = (await this.reports.load()).find((r) => r.id === id) ?? null;
      if (!report) {
        this.loadError.set(REPORT_MESSAGES.notFound);
        this.pageTitle.setPage('Report not found');
        return;
      }
      this.report.set(report);
      this.entries.set(emptyInput(report.parameters));
      this.pageTitle.setPage(report.title);
      await this.loadChoices(report);
    } catch (error: unknown) {
      this.loadError.set(reportErrorMessage(toApiError(error), REPORT_MESSAGES.loadFailed));
    }
  }

  problemFor(p: ReportParameter): string | null {
    return problemFor(p, this.problems());
  }

  text(name: string): string {
    const value = this.entries()[name];
    return typeof value === 'string' ? value : '';
  }

  /** A date or month parameter's boxes as entered. */
  dateOf(name: string): DateParts {
    const value = this.entries()[name];
    return typeof value === 'object' ? value : { day: '', month: '', year: '' };
  }

  setText(name: string, event: Event): void {
    const value = eventValue(event);
    this.entries.update((entries) => ({ ...entries, [name]: value }));
  }

  setDate(name: string, parts: DateParts): void {
    this.entries.update((entries) => ({ ...entries, [name]: parts }));
  }

  anyLabel(p: ReportParameter): string {
    return ANY[p.type] ?? 'Not chosen';
  }

  describedBy(p: ReportParameter): string | null {
    const ids = [p.hint ? `p-${p.name}-hint` : '', this.problemFor(p) ? `p-${p.name}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const report = this.report();
    if (!report || this.busy()) return;
    const checked = checkInput(report.parameters, this.entries());
    if (checked.problems.length) return this.show(checked.problems);
    this.busy.set(true);
    try {
      const run = await firstValueFrom(this.reports.start(report.id, checked.values));
      this.show([]);
      await this.router.navigate(['/reports/runs', run.id]);
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 400 && e.errors.length) this.show(serverProblems(report.parameters, e.errors));
      else this.show([{ fieldId: '', message: reportErrorMessage(e, REPORT_MESSAGES.startFailed) }]);
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Downloads the report as CSV or XLSX for the parameters entered: the same checks as a run, then
   * the file straight from the API (`/api/reports/:id/csv`), which answers 400 per parameter as
   * the run does.
   */
  async download(format: 'csv' | 'xlsx'): Promise<void> {
    const report = this.report();
    if (!report || this.busy()) return;
    const checked = checkInput(report.parameters, this.entries());
    if (checked.problems.length) return this.show(checked.problems);
    this.busy.set(true);
    try {
      const query = new URLSearchParams(checked.values).toString();
      await downloadFile(
        this.http,
        `/api/reports/${encodeURIComponent(report.id)}/${format}${query ? `?${query}` : ''}`,
        `${report.id}.${format}`,
      );
      this.show([]);
    } catch (error: unknown) {
      const e = toApiError(await withJsonBody(error));
      if (e.status === 400 && e.errors.length) this.show(serverProblems(report.parameters, e.errors));
      else this.show([{ fieldId: '', message: reportErrorMessage(e, REPORT_MESSAGES.fileFailed) }]);
    } finally {
      this.busy.set(false);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }

  private async loadChoices(report: ReportSummary): Promise<void> {
    const sets = [...new Set(report.parameters.map((p) => SETS[p.type]).filter((s): s is string => !!s))];
    // Teams are also needed to find the manager's command.
    if (sets.includes('organisation') && !sets.includes('teams')) sets.push('teams');
    try {
      const fetched = await Promise.all(sets.map((set) => firstValueFrom(this.reference.rows(set))));
      const rows: Record<string, ReferenceRow[]> = {};
      sets.forEach((set, i) => (rows[set] = fetched[i]!));
      this.rows.set(rows);
    } catch {
      this.show([{ fieldId: '', message: REPORT_MESSAGES.choicesFailed }]);
    }
  }

  /** Reference rows offered for a chooser; managers are offered only their own command's teams and command. */
  private choicesFor(type: ReportParameter['type'], rows: ReferenceRow[]): { value: string; label: string }[] {
    const user = this.user();
    const everything = !!user?.roles.includes('admin');
    const teams = this.rows()['teams'] ?? [];
    const ownTeam = teams.find((t) => t.id === (user?.teamId ?? ''));
    const ownCommand =
      typeof ownTeam?.attributes?.['command'] === 'string' ? (ownTeam.attributes['command'] as string) : null;
    let list = rows;
    if (type === 'command')
      list = rows.filter(
        (r) => r.attributes?.['level'] === 'command' && (everything || !ownCommand || r.id === ownCommand),
      );
    if (type === 'team' && !everything && ownCommand)
      list = rows.filter((r) => r.attributes?.['command'] === ownCommand);
    return list.map((r) => ({ value: r.id, label: r.label })).sort((a, b) => a.label.localeCompare(b.label));
  }
}

/** An error of a file request, its body (a Blob, since a file was asked for) read as the JSON it is. */
async function withJsonBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({
      error: body,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}
