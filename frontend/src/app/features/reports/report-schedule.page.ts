import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { ReportSchedule, ReportSummary } from '../../core/reports/reports.model';
import { ReportsService } from '../../core/reports/reports.service';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import { describeParameters } from './report-form';
import {
  LAST_DAY_OF_MONTH,
  SCHEDULE_FIELDS,
  ScheduleChoice,
  ScheduleInput,
  WEEKDAYS,
  checkSchedule,
  describeCron,
  inputFor,
  nextRunWords,
  problemOn,
  scheduleServerProblems,
  scheduleWords,
} from './report-schedule';
import { REPORT_MESSAGES, reportErrorMessage } from './reports.messages';

/**
 * When a report is produced automatically, for managers and admins: radios (the report's own
 * schedule, every day, week or month, or not at all) and a time, never cron. A cron the radios
 * cannot show is shown as it is and can be kept or replaced. Saved with PUT; back to the reports
 * list with the next run in a success banner.
 */
@Component({
  selector: 'cop-report-schedule-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary],
  templateUrl: './report-schedule.page.html',
})
export class ReportSchedulePage {
  private readonly reports = inject(ReportsService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);

  /** Route parameter: the report's id. */
  readonly reportId = input.required<string>();

  readonly messages = REPORT_MESSAGES;
  readonly ids = SCHEDULE_FIELDS;
  readonly weekdays = WEEKDAYS;
  readonly lastDay = LAST_DAY_OF_MONTH;
  readonly report = signal<ReportSummary | null>(null);
  readonly schedule = signal<ReportSchedule | null>(null);
  readonly loadError = signal<string | null>(null);
  readonly entered = signal<ScheduleInput>({ choice: '', hour: '', minute: '', dayOfWeek: '1', dayOfMonth: '' });
  readonly problems = signal<readonly FieldProblem[]>([]);
  readonly busy = signal(false);

  /** The schedule in force, in words. */
  readonly current = computed(() => {
    const s = this.schedule();
    if (!s) return '';
    if (!s.enabled || !s.cron) return 'Not produced automatically';
    const words = scheduleWords(s.cron);
    return s.defaultCron && s.cron === s.defaultCron ? `${words} (the report's own schedule)` : words;
  });
  readonly nextRun = computed(() => {
    const next = this.schedule()?.nextRun;
    return next ? nextRunWords(next) : null;
  });
  /** The report's own schedule in words, when it has one. */
  readonly own = computed(() => {
    const cron = this.schedule()?.defaultCron;
    return cron ? scheduleWords(cron) : null;
  });
  /** The cron in force when the radios cannot show it. */
  readonly custom = computed(() => {
    const s = this.schedule();
    return s?.cron && s.cron !== s.defaultCron && describeCron(s.cron) === null ? s.cron : null;
  });
  /** The fixed parameters of every scheduled run, in words. */
  readonly fixed = computed(() => {
    const s = this.schedule();
    if (!s || Object.keys(s.parameters).length === 0) return null;
    const parameters = this.report()?.parameters;
    return describeParameters(
      s.parameters,
      parameters,
      (p, value) => p.options?.find((o) => o.value === value)?.label ?? value,
    );
  });
  readonly repeating = computed(() => ['daily', 'weekly', 'monthly'].includes(this.entered().choice));
  readonly choiceError = computed(() => problemOn(this.problems(), SCHEDULE_FIELDS.choice));
  readonly dayOfWeekError = computed(() => problemOn(this.problems(), SCHEDULE_FIELDS.dayOfWeek));
  readonly dayOfMonthError = computed(() => problemOn(this.problems(), SCHEDULE_FIELDS.dayOfMonth));
  readonly hourError = computed(() => problemOn(this.problems(), SCHEDULE_FIELDS.hour));
  readonly minuteError = computed(() => problemOn(this.problems(), SCHEDULE_FIELDS.minute));
  readonly timeError = computed(() => this.hourError() ?? this.minuteError());

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
        this.notFound();
        return;
      }
      const schedule = await firstValueFrom(this.reports.schedule(id));
      this.report.set(report);
      this.schedule.set(schedule);
      this.entered.set(inputFor(schedule));
      this.pageTitle.setPage(`Change schedule for ${report.title}`);
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 404) this.notFound();
      else this.loadError.set(reportErrorMessage(e, REPORT_MESSAGES.scheduleLoadFailed));
    }
  }

  choose(choice: ScheduleChoice): void {
    this.entered.update((entered) => ({ ...entered, choice }));
  }

  set(field: Exclude<keyof ScheduleInput, 'choice'>, event: Event): void {
    const value = eventValue(event);
    this.entered.update((entered) => ({ ...entered, [field]: value }));
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const report = this.report();
    const schedule = this.schedule();
    if (!report || !schedule || this.busy()) return;
    const checked = checkSchedule(this.entered(), schedule.cron);
    if (!checked.update) return this.show(checked.problems);
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(this.reports.saveSchedule(report.id, checked.update));
      this.show([]);
      // The list shows the schedule in force, so it is fetched again there.
      void this.reports.load(true).catch(() => undefined);
      const next = saved.enabled && saved.nextRun ? nextRunWords(saved.nextRun) : null;
      await this.router.navigate(['/reports'], {
        state: { scheduled: REPORT_MESSAGES.scheduleSaved(report.title, next) },
      });
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 400 && e.errors.length) this.show(scheduleServerProblems(e.errors));
      else this.show([{ fieldId: '', message: reportErrorMessage(e, REPORT_MESSAGES.scheduleSaveFailed) }]);
    } finally {
      this.busy.set(false);
    }
  }

  /** Ids an input is described by: its hint and its error. */
  describedBy(hintId: string | null, errorId: string, error: string | null): string | null {
    return [hintId ?? '', error ? errorId : ''].filter(Boolean).join(' ') || null;
  }

  private notFound(): void {
    this.loadError.set(REPORT_MESSAGES.notFound);
    this.pageTitle.setPage('Report not found');
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }
}
